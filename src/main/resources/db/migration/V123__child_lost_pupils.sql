-- Issue 9 item 5 (lost pupils, beyond CA-3; England's Lost Pupil Database is the model): a pupil expelled from a
-- school (moved, left) who is admitted nowhere within bilim.lost-pupils.after-school-days school days (default 15)
-- is on the "left and not arrived" list of the district the child lives in, with the school that let them go, until
-- an admission anywhere closes the departure by itself or the officer who took the case closes it with a reason.
-- One row per expulsion from a school, written after the expulsion is committed (the enrolment module's event
-- PupilExpelled); ids of other modules' records are ids, not keys. Personal data: none here but the person's id;
-- row-level security through the child of the single database (the child's residence), like child_source.
create table pupil_departure
(
    id                       bigint generated always as identity primary key,
    enrolment_id             bigint           not null unique, -- the enrolment that ended (one departure each)
    person_id                bigint           not null,        -- the enrolment module's person (child.person_id)
    organisation_id          bigint           not null,        -- the school that let the pupil go
    school_kato              text collate "C" not null,        -- that school's settlement
    left_on                  date             not null,        -- the last day in the school (the expulsion's date)
    recorded_at              timestamptz      not null default now(),
    owner                    text,                             -- the officer who took the case
    taken_at                 timestamptz,
    closed_at                timestamptz,
    closed_by                text,
    close_reason             text collate "C" check (close_reason in ('ADMITTED', 'ENROLLED_ELSEWHERE',
                                                                     'MOVED_ABROAD', 'OTHER')),
    close_note               text check (length(close_note) <= 2000),
    admitted_organisation_id bigint,                           -- ADMITTED: where (the enrolment module's organisation)
    check ((closed_at is null) = (close_reason is null)),
    check ((owner is null) = (taken_at is null)),
    check (close_reason is distinct from 'OTHER' or coalesce(close_note, '') <> '')
);
-- The list: open departures by the day they left (a cut-off date decides who is past the school days), and the
-- person's open departures (closed on an admission).
create index pupil_departure_open on pupil_departure (left_on, id) where closed_at is null;
create index pupil_departure_person on pupil_departure (person_id) where closed_at is null;

alter table pupil_departure enable row level security;
create policy pupil_departure_scope on pupil_departure
    using (bilim_pii_allowed() and exists (select 1 from child c where c.person_id = pupil_departure.person_id));
