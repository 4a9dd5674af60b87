-- MS-1, MS-9, TR-10: education organisations, their classes and the class occupancy norm (25 by default).
create table organisation
(
    id             bigint generated always as identity primary key,
    bin            text collate "C" not null unique check (bin ~ '^[0-9]{12}$'),
    name_kk        text             not null check (name_kk <> ''),
    name_ru        text             not null check (name_ru <> ''),
    kind           text             not null check (kind in ('PRESCHOOL', 'PRIMARY_SCHOOL', 'BASIC_SCHOOL',
                                                             'GENERAL_SECONDARY_SCHOOL', 'TVET_COLLEGE',
                                                             'SPECIAL_SCHOOL', 'BOARDING_SCHOOL', 'EVENING_SCHOOL')),
    ownership      text             not null check (ownership in ('STATE', 'PRIVATE')),
    kato           text collate "C" not null references territory (kato),
    urban          boolean          not null,
    languages      text[]           not null check (cardinality(languages) > 0),
    shifts         smallint         not null default 1 check (shifts between 1 and 3),
    phone          text,
    postal_address text,
    email          text,
    website        text,
    occupancy_norm smallint         not null default 25 check (occupancy_norm between 1 and 60),
    created_at     timestamptz      not null default now(),
    updated_at     timestamptz      not null default now()
);
create index organisation_kato on organisation (kato);
create index organisation_kind on organisation (kind);
create index organisation_name_ru on organisation (lower(name_ru) text_pattern_ops);

create table school_class
(
    id              bigint generated always as identity primary key,
    organisation_id bigint           not null references organisation (id),
    kato            text collate "C" not null, -- the organisation's settlement, copied for scope and row-level security
    academic_year   smallint         not null check (academic_year between 2000 and 2100), -- year the school year starts
    grade           smallint         not null check (grade between 0 and 12),               -- 0 = pre-school class
    letter          text             not null check (letter <> ''),
    language        text             not null,
    shift           smallint         not null default 1 check (shift between 1 and 3),
    capacity        smallint         not null default 25 check (capacity between 1 and 60),
    unique (organisation_id, academic_year, grade, letter)
);
create index school_class_kato on school_class (kato);

alter table organisation enable row level security;
alter table school_class enable row level security;
create policy organisation_scope on organisation using (bilim_in_scope(kato, id));
create policy school_class_scope on school_class using (bilim_in_scope(kato, organisation_id));
