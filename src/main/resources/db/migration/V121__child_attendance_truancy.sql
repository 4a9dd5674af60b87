-- CA-3 (9), CA-4 (issue 9 item 6): attendance recorded by schools per pupil per day, and the monthly list (9) of
-- children systematically missing school without a valid reason, formed per district on the 1st from the previous
-- month's unexcused school days (counted on the working-day calendar), agreed with the police liaison of the district
-- child by child and placed by the 10th. Personal data: row-level security on the absences (the school's place) and
-- on the list's children (the child's residence). Ids of other modules' records are ids, not keys.

-- One row per pupil and school day missed; a day without a row is a day present. excused: a valid reason.
create table attendance_absence
(
    person_id       bigint           not null, -- the enrolment module's person
    day             date             not null,
    organisation_id bigint           not null, -- the school that recorded it
    kato            text collate "C" not null, -- the school's settlement, for scope and row-level security
    excused         boolean          not null,
    recorded_by     text             not null,
    recorded_at     timestamptz      not null default now(),
    primary key (person_id, day)
);
create index attendance_absence_organisation on attendance_absence (organisation_id, day);
create index attendance_absence_unexcused on attendance_absence (day, person_id) where not excused;

-- A district's list of one month (month: its first day, the month whose absences were counted). No personal data:
-- the district, the rule in force, the moments; readable by all who may see lists (the children are scoped).
create table truant_list
(
    id            bigint generated always as identity primary key,
    district      text collate "C" not null, -- the district's KATO code (residence of the children on it)
    month         date             not null check (extract(day from month) = 1),
    more_than     integer          not null, -- the rule in force: more than this many unexcused school days
    school_days   integer          not null, -- school days of the month on the calendar when formed
    run_id        bigint           not null,
    formed_at     timestamptz      not null,
    due_at        timestamptz      not null, -- CA-4: the 10th, or the calendar's next working day (EIS-8)
    placed_at     timestamptz,
    placed_by     text,
    unique (district, month)
);
create index truant_list_month on truant_list (month, district);

create table truant_entry
(
    list_id         bigint           not null references truant_list (id),
    child_id        bigint           not null references child (id),
    kato            text collate "C" not null, -- the child's residence when formed, for scope and row-level security
    organisation_id bigint, -- the school whose register counted most recently
    unexcused_days  integer          not null,
    decision        text collate "C" check (decision in ('AGREED', 'COMMENTED')),
    comment         text check (length(comment) <= 2000),
    decided_by      text,
    decided_at      timestamptz,
    primary key (list_id, child_id),
    check (decision is distinct from 'COMMENTED' or coalesce(comment, '') <> '')
);
create index truant_entry_child on truant_entry (child_id);

-- Each execution of the monthly job (what ran, on which instance): one per month however many instances.
create table truant_run
(
    id          bigint generated always as identity primary key,
    month       date        not null,
    instance    text        not null,
    started_at  timestamptz not null default now(),
    lists       integer     not null default 0,
    entries     integer     not null default 0
);

-- ShedLock's lock rows (net.javacrumbs.shedlock, JDBC provider): one row per job name; a job runs on the instance
-- that holds its row's lock (lock_until in the future). Times are the database's (usingDbTime).
create table shedlock
(
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

alter table attendance_absence enable row level security;
alter table truant_entry enable row level security;
create policy attendance_absence_scope on attendance_absence
    using (bilim_pii_allowed() and bilim_in_scope(kato, organisation_id));
create policy truant_entry_scope on truant_entry
    using (bilim_pii_allowed() and bilim_in_scope(kato, null));
