-- EIS-1…EIS-11 (issue 12): hierarchical data collection. The ministry's forms of the year (EIS-4) with their
-- definition (sections, fields, rules) as one document; reporting periods with a deadline per level (EIS-8); one
-- submission per participant and period — an organisation, a district, a region (or city of republican
-- significance), the ministry (EIS-2, EIS-6) — with its values, every submitted version (signed or on paper, with the
-- moment it reached the addressee: EIS-5, EIS-7), the steps up the hierarchy (accept, return, unapprove, distortion)
-- and lock exceptions. Organisations' data, not personal data: the scope applies (a school sees its own submissions,
-- a district its district's), and rows carry the participant's KATO code for it.

create table collection_form
(
    id          bigint generated always as identity primary key,
    code        text collate "C" not null check (code ~ '^[A-Z][A-Z0-9_-]{1,39}$'),
    year        smallint         not null check (year between 2018 and 2100),
    kind        text             not null check (kind in ('REGULAR', 'ADDITIONAL')),
    periodicity text             not null check (periodicity in ('ANNUAL', 'SEMIANNUAL', 'QUARTERLY', 'MONTHLY', 'ONE_OFF')),
    name_kk     text             not null check (name_kk <> ''),
    name_ru     text             not null check (name_ru <> ''),
    name_en     text             not null check (name_en <> ''),
    order_ref   text,                      -- the minister's order that set it (EIS-4)
    applies_to  text[]           not null, -- organisation kinds that fill it
    definition  jsonb            not null, -- sections, fields and rules (docs/collection.md)
    created_by  text             not null,
    created_at  timestamptz      not null default now(),
    unique (code, year)
);

-- A reporting period of a form: the deadline of each level (the calendar moves one on a day off, EIS-8). Data entry of
-- a level closes at the next level's deadline (the ministry's: the final report), unless a lock exception is granted.
create table collection_period
(
    id               bigint generated always as identity primary key,
    form_id          bigint      not null references collection_form (id),
    label            text        not null check (label <> ''),
    starts_on        date        not null,
    ends_on          date        not null,
    due_organisation date        not null,
    due_district     date        not null,
    due_region       date        not null,
    due_ministry     date        not null,
    published_at     timestamptz,
    created_at       timestamptz not null default now(),
    unique (form_id, label),
    check (ends_on >= starts_on),
    check (due_district >= due_organisation and due_region >= due_district and due_ministry >= due_region)
);

-- One participant's submission of one period. kato: the organisation's settlement, or the code of the district or
-- region; '000000000' for the ministry's national consolidation. addressee_kato: the level it is submitted to.
create table collection_submission
(
    id              bigint generated always as identity primary key,
    period_id       bigint           not null references collection_period (id),
    level           text             not null check (level in ('ORGANISATION', 'DISTRICT', 'REGION', 'MINISTRY')),
    organisation_id bigint,
    kato            text collate "C" not null,
    addressee_kato  text collate "C",
    status          text             not null default 'DRAFT'
        check (status in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
    version         integer          not null default 0, -- submitted versions so far
    channel         text check (channel in ('ELECTRONIC', 'PAPER', 'CONSOLIDATED')),
    arrived_at      timestamptz,                         -- EIS-7: when the last version reached the addressee
    late            boolean,                             -- EIS-8: the first version arrived after the deadline
    distorted       boolean          not null default false,
    distortions     integer          not null default 0,
    returns         integer          not null default 0,
    comment         text,
    updated_at      timestamptz      not null default now(),
    check ((level = 'ORGANISATION') = (organisation_id is not null))
);
create unique index collection_submission_organisation on collection_submission (period_id, organisation_id)
    where organisation_id is not null;
create unique index collection_submission_territory on collection_submission (period_id, level, kato)
    where organisation_id is null;
create index collection_submission_scope on collection_submission (kato, organisation_id);
create index collection_submission_addressee on collection_submission (period_id, addressee_kato, status);

-- The values of a submission's current version (a draft being filled, or what was submitted). Numbers are summed by
-- consolidation; a table field has one row per row code ('' for a field without rows).
create table collection_value
(
    submission_id   bigint           not null references collection_submission (id) on delete cascade,
    kato            text collate "C" not null,
    organisation_id bigint,
    field_code      text collate "C" not null,
    row_code        text collate "C" not null default '',
    number_value    numeric(18, 2),
    text_value      text,
    prefilled       boolean          not null default false, -- "enter once": taken from a registry
    explanation     text,                                    -- the answer to a registry query
    primary key (submission_id, field_code, row_code)
);
create index collection_value_field on collection_value (field_code, organisation_id);

-- Every submitted version, kept (EIS-8: the corrected version keeps the history): the exact bytes that were signed
-- (canonical JSON of the values) and the detached CMS signature, or the paper's scan and arrival date.
create table collection_submission_version
(
    id                 bigint generated always as identity primary key,
    submission_id      bigint           not null references collection_submission (id),
    kato               text collate "C" not null,
    organisation_id    bigint,
    version            integer          not null,
    channel            text             not null check (channel in ('ELECTRONIC', 'PAPER', 'CONSOLIDATED')),
    arrived_at         timestamptz      not null,
    late               boolean          not null,
    content            bytea            not null,
    signature          bytea,
    signer_name        text,
    signer_bin         text,
    certificate_serial text,
    scan               bytea,
    scan_type          text,
    paper_reference    text,
    submitted_by       text             not null,
    unique (submission_id, version),
    check (channel <> 'ELECTRONIC' or signature is not null),
    check (channel <> 'PAPER' or scan is not null)
);

-- The steps of a submission up the hierarchy, in order (also in the audit trail): SUBMITTED, ACCEPTED, RETURNED,
-- UNAPPROVED, DISTORTED, CONSOLIDATED, LOCK_EXCEPTION.
create table collection_event
(
    id              bigint generated always as identity primary key,
    submission_id   bigint           not null references collection_submission (id),
    kato            text collate "C" not null,
    organisation_id bigint,
    action          text             not null,
    version         integer          not null,
    actor           text             not null,
    at              timestamptz      not null,
    comment         text
);
create index collection_event_submission on collection_event (submission_id, id);

-- A lock exception: the level above lets one participant enter and submit data of a period after its entry closed,
-- until a day.
create table collection_lock_exception
(
    submission_id   bigint primary key references collection_submission (id),
    kato            text collate "C" not null,
    organisation_id bigint,
    until           date             not null,
    reason          text             not null check (reason <> ''),
    granted_by      text             not null,
    granted_at      timestamptz      not null
);

alter table collection_form enable row level security;
alter table collection_period enable row level security;
alter table collection_submission enable row level security;
alter table collection_value enable row level security;
alter table collection_submission_version enable row level security;
alter table collection_event enable row level security;
alter table collection_lock_exception enable row level security;

-- forms and periods are published to every participant; the ministry sets them
create policy collection_form_read on collection_form for select using (true);
create policy collection_form_edit on collection_form for all
    using (bilim_caller_role() in ('MINISTRY_ADMIN', 'SYSTEM')) with check (bilim_caller_role() in ('MINISTRY_ADMIN', 'SYSTEM'));
create policy collection_period_read on collection_period for select using (true);
create policy collection_period_edit on collection_period for all
    using (bilim_caller_role() in ('MINISTRY_ADMIN', 'SYSTEM')) with check (bilim_caller_role() in ('MINISTRY_ADMIN', 'SYSTEM'));
create policy collection_submission_scope on collection_submission using (bilim_in_scope(kato, organisation_id));
create policy collection_value_scope on collection_value using (bilim_in_scope(kato, organisation_id));
create policy collection_version_scope on collection_submission_version using (bilim_in_scope(kato, organisation_id));
create policy collection_event_scope on collection_event using (bilim_in_scope(kato, organisation_id));
create policy collection_lock_exception_scope on collection_lock_exception using (bilim_in_scope(kato, organisation_id));
