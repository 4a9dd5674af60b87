-- TR-7, SC-5: persons (children and pupils) and their enrolments: who is in which class of which organisation,
-- from when to when, admitted and expelled by order. Personal data: row-level security on both tables.
create extension if not exists btree_gist;

create table person
(
    id              bigint generated always as identity primary key,
    iin             text collate "C" not null unique check (iin ~ '^[0-9]{12}$'),
    last_name       text             not null check (last_name <> ''),
    first_name      text             not null check (first_name <> ''),
    patronymic      text,
    birth_date      date             not null,
    sex             text             not null check (sex in ('MALE', 'FEMALE')),
    nationality     text,
    citizenship     text             not null default 'KZ',
    residence_kato  text collate "C" not null
);
create index person_residence on person (residence_kato);

create table enrolment
(
    id              bigint generated always as identity primary key,
    person_id       bigint           not null references person (id),
    organisation_id bigint           not null references organisation (id),
    class_id        bigint references school_class (id),
    kato            text collate "C" not null, -- the organisation's settlement, for scope and row-level security
    grade           smallint check (grade between 0 and 12),
    enrolled_from   date             not null,
    enrolled_to     date,
    admission_order text             not null,
    expulsion_order text,
    check (enrolled_to is null or enrolled_to >= enrolled_from),
    check ((enrolled_to is null) = (expulsion_order is null)),
    -- never in two organisations at once
    constraint enrolment_no_overlap exclude using gist (person_id with =, daterange(enrolled_from, enrolled_to, '[]') with &&)
);
create index enrolment_organisation on enrolment (organisation_id) where enrolled_to is null;
create index enrolment_class on enrolment (class_id) where enrolled_to is null;
create index enrolment_kato on enrolment (kato);

alter table person enable row level security;
alter table enrolment enable row level security;
create policy enrolment_scope on enrolment
    using (bilim_pii_allowed() and bilim_in_scope(kato, organisation_id));
create policy person_scope on person
    using (bilim_pii_allowed() and (bilim_in_scope(residence_kato, null)
        or exists (select 1 from enrolment e where e.person_id = person.id)));
