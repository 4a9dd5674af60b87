-- SC-1…SC-3 (issue 13): the Statistics Committee's access regime. The register of the Committee's persons
-- responsible for forming administrative data (only they, once granted and having accepted the purpose of use, read
-- statistics as analysts); the ministry's grant of access, due no later than 5 October of the reporting year; the
-- changes of responsible persons the Committee reports within 3 calendar days; and the notices of planned changes and
-- suspensions of the database, announced no less than 5 calendar days ahead.
create table stat_responsible_person
(
    id                  bigint generated always as identity primary key,
    username            text collate "C" not null unique check (username <> ''),
    full_name           text     not null check (full_name <> ''),
    position            text,
    reporting_year      smallint not null check (reporting_year between 2000 and 2100),
    registered_on       date     not null,
    access_due_on       date     not null, -- SC-2(1): 5 October of the reporting year
    access_granted_on   date,
    granted_by          text,
    purpose_accepted_at timestamptz,      -- SC-3(1): statistics only, no passing to third parties
    removed_on          date
);

create table stat_change_report
(
    id          bigint generated always as identity primary key,
    person_id   bigint not null references stat_responsible_person (id),
    change      text   not null check (change in ('ADDED', 'REMOVED')),
    changed_on  date   not null,
    due_on      date   not null, -- SC-3(4): 3 calendar days after the change
    reported_on date,
    check (due_on = changed_on + 3)
);

create table stat_notice
(
    id           bigint generated always as identity primary key,
    kind         text        not null check (kind in ('PLANNED_CHANGE', 'SUSPENSION')),
    starts_on    date        not null,
    ends_on      date,
    text_kk      text        not null check (text_kk <> ''),
    text_ru      text        not null check (text_ru <> ''),
    announced_on date        not null,
    announced_by text        not null,
    created_at   timestamptz not null default now(),
    check (starts_on >= announced_on + 5), -- SC-2(2): no less than 5 calendar days ahead
    check (ends_on is null or ends_on >= starts_on)
);
