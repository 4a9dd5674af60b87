-- CA-1, CA-2 (issue 9): the single database of children 0–18 living on a territory, from six sources.
-- A child is recorded whether or not they are in an organisation and whether or not they have an IIN (foreign,
-- stateless and some kandas children have none): the IIN is optional here and unique where present. The enrolment
-- module's person stays the record of an admitted pupil; a child who is one carries that person's id (an id, not a key).
-- Personal data: row-level security on every table, by the child's residence (kato).
-- Kept from the draft: child, child_source, child_import, child_import_rejection. Left for later migrations (V121+):
-- the review queue of ambiguous matches, the kept list counts, attendance and the truant list (docs/child.md).

create table child
(
    id            bigint generated always as identity primary key,
    iin           text collate "C" check (iin ~ '^[0-9]{12}$'),
    last_name     text             not null check (last_name <> ''),
    first_name    text             not null check (first_name <> ''),
    patronymic    text,
    birth_date    date             not null,
    sex           text check (sex in ('MALE', 'FEMALE')),
    citizenship   text collate "C" not null default 'KZ' check (citizenship ~ '^[A-Z]{2}$'), -- XX: stateless
    kato          text collate "C" not null, -- the place of residence (CA-2), for scope and row-level security
    name_key      text collate "C" not null, -- surname and first name folded to one Latin spelling, for linkage
    exempt        boolean          not null default false, -- not subject to schooling (health), CA-3 lists 2 and 5
    person_id     bigint, -- the enrolment module's person when the child is a registered pupil (an id, not a key)
    created_at    timestamptz      not null default now(),
    updated_at    timestamptz      not null default now()
);
create unique index child_iin on child (iin) where iin is not null;
create index child_kato_name on child (kato, last_name, first_name, id);
create index child_match on child (name_key, birth_date);
create index child_person on child (person_id) where person_id is not null;

-- What each source said about a child (CA-2: sources that disagree are shown side by side, not overwritten). A row is
-- active while the source's latest snapshot holds the child; a child missing from a newer snapshot loses the source
-- (active = false, withdrawn_at), and the row and the child stay as history, never deleted.
-- origin IMPORT: a file of that source; REGISTRY: this system's own enrolments (sources 1–4, never re-entered).
-- territory: the snapshot the row belongs to — the import's territory, or the organisation's settlement (REGISTRY).
create table child_source
(
    child_id          bigint           not null references child (id),
    source            text collate "C" not null check (source in ('JUSTICE', 'KANDAS', 'EMIS_PRESCHOOL',
                                                                  'EMIS_SCHOOL', 'EMIS_TVET', 'EMIS_NON_STATE')),
    origin            text collate "C" not null check (origin in ('IMPORT', 'REGISTRY')),
    territory         text collate "C" not null,
    iin               text collate "C",
    last_name         text             not null,
    first_name        text             not null,
    patronymic        text,
    birth_date        date             not null,
    sex               text,
    citizenship       text collate "C" not null,
    residence_kato    text collate "C" not null,
    organisation_bin  text collate "C",
    organisation_id   bigint,
    grade             smallint,
    active            boolean          not null default true,
    first_import_id   bigint,
    changed_import_id bigint,
    changed_at        timestamptz      not null default now(),
    withdrawn_at      timestamptz,
    primary key (child_id, source, origin)
);
create index child_source_snapshot on child_source (source, origin, territory) where active;

-- An import of one source's file for one territory (the import contract of issue 9). The partial unique index makes
-- a second import of the same source and territory while one is queued or running a conflict (409).
create table child_import
(
    id          bigint generated always as identity primary key,
    source      text collate "C" not null,
    kato        text collate "C" not null, -- the territory the file is a full snapshot of
    state       text collate "C" not null default 'QUEUED' check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    actor       text             not null,
    rows        integer          not null default 0,
    accepted    integer          not null default 0,
    rejected    integer          not null default 0,
    inserted    integer          not null default 0, -- source rows recorded for the first time
    updated     integer          not null default 0, -- source rows changed (or given back to a child)
    unchanged   integer          not null default 0,
    withdrawn   integer          not null default 0, -- children who lost the source
    children    integer          not null default 0, -- children recorded for the first time
    message     text, -- why it failed: a message key, never personal data
    created_at  timestamptz      not null default now(),
    started_at  timestamptz,
    finished_at timestamptz
);
create unique index child_import_one_at_a_time on child_import (source, kato) where state in ('QUEUED', 'RUNNING');
create index child_import_kato on child_import (kato, id);

create table child_import_rejection
(
    import_id  bigint  not null references child_import (id),
    row_number integer not null,
    field      text    not null,
    reason     text    not null, -- a message key
    args       text[]  not null default '{}' -- never personal data
);
create index child_import_rejection_import on child_import_rejection (import_id, row_number);

alter table child enable row level security;
alter table child_source enable row level security;
alter table child_import enable row level security;
alter table child_import_rejection enable row level security;

create policy child_scope on child
    using (bilim_pii_allowed() and bilim_in_scope(kato, null));
create policy child_source_scope on child_source
    using (bilim_pii_allowed() and exists (select 1 from child c where c.id = child_source.child_id));
create policy child_import_scope on child_import
    using (bilim_in_scope(kato, null));
create policy child_import_rejection_scope on child_import_rejection
    using (exists (select 1 from child_import i where i.id = child_import_rejection.import_id));
