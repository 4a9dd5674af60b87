-- HB-1, SC-5 (issue 10): the staff registry (employees of every organisation and their employment contracts), the
-- register of court verdicts that ban a person from a position or activity, and the flags that a verdict raises on
-- current contracts. Personal data: row-level security on every table; the verdict register is readable only by the
-- roles that need it (ministry, region and district offices), which the connection names in bilim.role.

-- The caller's role on this connection ('SYSTEM' for a system run, 'ANONYMOUS' for nobody), set with bilim.scope.
create function bilim_caller_role() returns text
    language sql stable parallel safe as
$$
select coalesce(nullif(current_setting('bilim.role', true), ''), 'ANONYMOUS')
$$;

-- Positions: the classifier (data, editable). Whether a position is pedagogical and whether it involves work with
-- minors decides which bans cover it (docs/staff.md says which and why).
create table staff_position
(
    code              text collate "C" primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_kk           text     not null check (name_kk <> ''),
    name_ru           text     not null check (name_ru <> ''),
    name_en           text     not null check (name_en <> ''),
    pedagogical       boolean  not null,
    works_with_minors boolean  not null,
    sort_order        smallint not null,
    -- a pedagogue always works with the pupils (Law on the status of a pedagogue): the classifier cannot say otherwise
    check (not pedagogical or works_with_minors)
);

insert into staff_position (code, name_kk, name_ru, name_en, pedagogical, works_with_minors, sort_order)
values ('DIRECTOR', 'Басшы (директор)', 'Руководитель (директор)', 'Director', true, true, 10),
       ('DEPUTY_DIRECTOR', 'Басшының орынбасары', 'Заместитель руководителя', 'Deputy director', true, true, 20),
       ('TEACHER', 'Мұғалім', 'Учитель', 'Teacher', true, true, 30),
       ('EDUCATOR', 'Тәрбиеші', 'Воспитатель', 'Educator (preschool)', true, true, 40),
       ('PSYCHOLOGIST', 'Педагог-психолог', 'Педагог-психолог', 'Psychologist', true, true, 50),
       ('SOCIAL_PEDAGOGUE', 'Әлеуметтік педагог', 'Социальный педагог', 'Social pedagogue', true, true, 60),
       ('SPEECH_THERAPIST', 'Логопед', 'Логопед', 'Speech therapist', true, true, 70),
       ('METHODOLOGIST', 'Әдіскер', 'Методист', 'Methodologist', true, true, 80),
       ('SENIOR_COUNSELLOR', 'Аға тәлімгер', 'Старший вожатый', 'Senior youth counsellor', true, true, 90),
       ('LIBRARIAN', 'Кітапханашы', 'Библиотекарь', 'Librarian', false, true, 100),
       ('NURSE', 'Медбике', 'Медицинская сестра', 'Nurse', false, true, 110),
       ('COOK', 'Аспаз', 'Повар', 'Cook', false, true, 120),
       ('DRIVER', 'Жүргізуші', 'Водитель', 'Driver (school bus)', false, true, 130),
       ('WATCHMAN', 'Күзетші', 'Сторож', 'Watchman', false, true, 140),
       ('CLEANER', 'Техникалық қызметкер', 'Технический работник', 'Cleaner and technical staff', false, true, 150),
       ('ACCOUNTANT', 'Бухгалтер', 'Бухгалтер', 'Accountant', false, false, 160),
       ('IT_ENGINEER', 'Инженер-программист', 'Инженер-программист', 'IT engineer', false, false, 170);

-- An employee of an organisation: the person (IIN; name, birth date and sex agreeing with the IIN) as this
-- organisation employs them, with education, qualification category and experience. One row per person and
-- organisation; the positions held are the contracts.
create table staff_member
(
    id               bigint generated always as identity primary key,
    organisation_id  bigint           not null references organisation (id),
    kato             text collate "C" not null, -- the organisation's settlement, for scope and row-level security
    iin              text collate "C" not null check (iin ~ '^[0-9]{12}$'),
    last_name        text             not null check (last_name <> ''),
    first_name       text             not null check (first_name <> ''),
    patronymic       text,
    birth_date       date             not null,
    sex              text             not null check (sex in ('MALE', 'FEMALE')),
    education_level  text check (education_level in ('GENERAL_SECONDARY', 'TECHNICAL_VOCATIONAL', 'POST_SECONDARY',
                                                      'HIGHER', 'POSTGRADUATE')),
    speciality       text,
    category         text check (category in ('NONE', 'PEDAGOGUE', 'MODERATOR', 'EXPERT', 'RESEARCHER', 'MASTER')),
    experience_years smallint check (experience_years between 0 and 70),
    created_at       timestamptz      not null default now(),
    unique (organisation_id, iin)
);
create index staff_member_iin on staff_member (iin);
create index staff_member_kato on staff_member (kato, organisation_id);
create index staff_member_last_name on staff_member (organisation_id, lower(last_name) text_pattern_ops);

-- An employment contract: which position, number and date, from when to when (null: open-ended), the weekly
-- workload, and the dismissal (day, order, reason) that ends it.
create table employment_contract
(
    id               bigint generated always as identity primary key,
    staff_member_id  bigint           not null references staff_member (id),
    organisation_id  bigint           not null references organisation (id),
    kato             text collate "C" not null,
    position         text collate "C" not null references staff_position (code),
    subject          text,
    weekly_hours     numeric(4, 1) check (weekly_hours > 0 and weekly_hours <= 60),
    contract_number  text             not null check (contract_number <> ''),
    contract_date    date             not null,
    starts_on        date             not null,
    ends_on          date,
    dismissed_on     date,
    dismissal_order  text,
    dismissal_reason text,
    created_at       timestamptz      not null default now(),
    check (ends_on is null or ends_on >= starts_on),
    check (dismissed_on is null or dismissed_on >= starts_on),
    check ((dismissed_on is null) = (dismissal_order is null))
);
create index employment_contract_member on employment_contract (staff_member_id);
create index employment_contract_current on employment_contract (kato, organisation_id) where dismissed_on is null;
-- one open-ended, undismissed contract per person, position and organisation (the service also refuses overlaps
-- of fixed-term contracts)
create unique index employment_contract_one_open on employment_contract (staff_member_id, position)
    where dismissed_on is null and ends_on is null;

-- The register of court verdicts in force that deprive a person of the right to hold a position or engage in an
-- activity (Labour Code art. 26 p.1 sub.3): what is banned is pedagogical positions, positions involving work with
-- minors, or one named position of the classifier; for years (until the day given, inclusive) or for life (null).
create table court_ban_import
(
    id          bigint generated always as identity primary key,
    imported_at timestamptz not null default now(),
    actor       text        not null,
    rows        integer     not null,
    accepted    integer     not null,
    rejected    integer     not null,
    inserted    integer     not null,
    updated     integer     not null,
    flagged     integer     not null
);

create table court_ban
(
    id              bigint generated always as identity primary key,
    iin             text collate "C" not null check (iin ~ '^[0-9]{12}$'),
    last_name       text             not null check (last_name <> ''),
    first_name      text             not null check (first_name <> ''),
    birth_date      date             not null,
    court           text             not null check (court <> ''),
    case_number     text             not null check (case_number <> ''),
    in_force_on     date             not null,
    article         text             not null check (article <> ''),
    kind            text             not null check (kind in ('PEDAGOGICAL', 'WORK_WITH_MINORS', 'POSITION')),
    banned_position text collate "C" references staff_position (code),
    until           date,
    last_import_id  bigint references court_ban_import (id),
    created_at      timestamptz      not null default now(),
    updated_at      timestamptz      not null default now(),
    check ((kind = 'POSITION') = (banned_position is not null)),
    check (until is null or until >= in_force_on),
    -- one verdict's one ban: re-importing it changes it, never duplicates it
    unique nulls not distinct (iin, case_number, kind, banned_position)
);
create index court_ban_iin on court_ban (iin);
create index court_ban_last_import on court_ban (last_import_id);

-- A current contract that a verdict in force covers: flagged until the contract is ended by a dismissal order.
-- The flag names the verdict (court, date in force, case) so that the school head and the district office, who see
-- the flag in their scope, learn which verdict it is without reading the register.
create table staff_ban_flag
(
    contract_id     bigint           not null references employment_contract (id),
    court_ban_id    bigint           not null references court_ban (id),
    organisation_id bigint           not null,
    kato            text collate "C" not null,
    court           text             not null,
    in_force_on     date             not null,
    case_number     text             not null,
    flagged_at      timestamptz      not null default now(),
    primary key (contract_id, court_ban_id)
);
create index staff_ban_flag_kato on staff_ban_flag (kato, organisation_id);
create index staff_ban_flag_ban on staff_ban_flag (court_ban_id);

-- HB-1 in one place for the database: does a ban of this kind cover a position with these marks? (Inlined by the
-- planner into the hiring check and into the set-based check of a verdict file.)
create function bilim_ban_covers(p_kind text, p_banned_position text, p_position text, p_pedagogical boolean,
                                 p_works_with_minors boolean) returns boolean
    language sql immutable parallel safe as
$$
select case p_kind
           when 'PEDAGOGICAL' then p_pedagogical
           when 'WORK_WITH_MINORS' then p_works_with_minors
           when 'POSITION' then p_banned_position = p_position
           else false
       end
$$;

alter table staff_position enable row level security;
alter table staff_member enable row level security;
alter table employment_contract enable row level security;
alter table court_ban_import enable row level security;
alter table court_ban enable row level security;
alter table staff_ban_flag enable row level security;

create policy staff_position_read on staff_position for select using (true);
create policy staff_position_edit on staff_position for all
    using (bilim_caller_role() in ('MINISTRY_ADMIN', 'SYSTEM')) with check (bilim_caller_role() in ('MINISTRY_ADMIN', 'SYSTEM'));
-- staff records: the ministry, region and district offices and the organisation's own head, within their scope
-- (not the police liaison or the contact centre, who read pupils' records but have no business with staff)
create function bilim_reads_staff() returns boolean
    language sql stable parallel safe as
$$
select bilim_pii_allowed()
   and bilim_caller_role() in ('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN', 'SYSTEM')
$$;
create policy staff_member_scope on staff_member
    using (bilim_reads_staff() and bilim_in_scope(kato, organisation_id));
create policy employment_contract_scope on employment_contract
    using (bilim_reads_staff() and bilim_in_scope(kato, organisation_id));
create policy staff_ban_flag_scope on staff_ban_flag
    using (bilim_reads_staff() and bilim_in_scope(kato, organisation_id));
-- the register: the ministry, region and district offices (and system runs), never a school, police or statistics
create policy court_ban_register on court_ban
    using (bilim_pii_allowed() and bilim_caller_role() in ('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'SYSTEM'));
create policy court_ban_import_register on court_ban_import
    using (bilim_pii_allowed() and bilim_caller_role() in ('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'SYSTEM'));

-- HB-1, the hiring check: the verdict in force that covers this position for this IIN at some day of the period
-- [p_from, p_to] (p_to null: open-ended), if any. A school head may hire but not read the register: this function
-- answers only the one verdict that refuses this hire (court, date in force, case), and only to a caller who may
-- read personal data.
create function bilim_hiring_ban(p_iin text, p_position text, p_from date, p_to date)
    returns table (ban_id bigint, court text, in_force_on date, case_number text, kind text, banned_position text,
                   until date)
    language sql stable security definer set search_path = public as
$$
select b.id, b.court, b.in_force_on, b.case_number, b.kind, b.banned_position, b.until
  from court_ban b
  join staff_position p on p.code = p_position
 where b.iin = p_iin
   and bilim_pii_allowed()
   and b.in_force_on <= coalesce(p_to, 'infinity'::date)
   and (b.until is null or b.until >= p_from)
   and bilim_ban_covers(b.kind, b.banned_position, p.code, p.pedagogical, p.works_with_minors)
 order by b.until desc nulls first, b.in_force_on, b.id
 limit 1
$$;
revoke all on function bilim_hiring_ban(text, text, date, date) from public;
grant execute on function bilim_hiring_ban(text, text, date, date) to bilim_app;

-- HB-1 for existing staff, set-based (one statement over the whole country, whoever imported): every current
-- contract (not dismissed, not ended before p_today) that a ban of this import covers, in force on p_today, is
-- flagged. Returns how many new flags were raised.
create function bilim_flag_contracts_of_ban_import(p_import bigint, p_today date) returns integer
    language sql volatile security definer set search_path = public as
$$
with flagged as (
    insert into staff_ban_flag (contract_id, court_ban_id, organisation_id, kato, court, in_force_on, case_number)
    select c.id, b.id, c.organisation_id, c.kato, b.court, b.in_force_on, b.case_number
      from court_ban b
      join staff_member m on m.iin = b.iin
      join employment_contract c on c.staff_member_id = m.id
      join staff_position p on p.code = c.position
     where b.last_import_id = p_import
       and b.in_force_on <= p_today
       and (b.until is null or b.until >= p_today)
       and c.dismissed_on is null
       and (c.ends_on is null or c.ends_on >= p_today)
       and bilim_ban_covers(b.kind, b.banned_position, p.code, p.pedagogical, p.works_with_minors)
    on conflict do nothing
    returning 1)
select count(*)::integer from flagged
$$;
revoke all on function bilim_flag_contracts_of_ban_import(bigint, date) from public;
grant execute on function bilim_flag_contracts_of_ban_import(bigint, date) to bilim_app;

-- The same check for contracts just written by a staff import (existing staff of a region): the importer sees its
-- own contracts but not the register.
create function bilim_flag_contracts(p_contracts bigint[], p_today date) returns integer
    language sql volatile security definer set search_path = public as
$$
with flagged as (
    insert into staff_ban_flag (contract_id, court_ban_id, organisation_id, kato, court, in_force_on, case_number)
    select c.id, b.id, c.organisation_id, c.kato, b.court, b.in_force_on, b.case_number
      from employment_contract c
      join staff_member m on m.id = c.staff_member_id
      join court_ban b on b.iin = m.iin
      join staff_position p on p.code = c.position
     where c.id = any (p_contracts)
       and b.in_force_on <= p_today
       and (b.until is null or b.until >= p_today)
       and c.dismissed_on is null
       and (c.ends_on is null or c.ends_on >= p_today)
       and bilim_ban_covers(b.kind, b.banned_position, p.code, p.pedagogical, p.works_with_minors)
    on conflict do nothing
    returning 1)
select count(*)::integer from flagged
$$;
revoke all on function bilim_flag_contracts(bigint[], date) from public;
grant execute on function bilim_flag_contracts(bigint[], date) to bilim_app;

-- Staff figures for statistics and open data (SC-1, SC-3, OD-3): aggregates only, never a person; the caller's scope
-- applied here, so statistics analysts (no right to personal data, to whom row-level security shows no staff row)
-- get counts. One row per organisation and combination of marks, of the contracts current on p_on.
create function bilim_staff_counts(p_from text, p_to text, p_on date)
    returns table (organisation_id bigint, kato text, position_code text, pedagogical boolean, works_with_minors boolean,
                   education_level text, category text, sex text, age_band text, staff bigint)
    language sql stable security definer set search_path = public as
$$
select c.organisation_id, c.kato, c.position, p.pedagogical, p.works_with_minors,
       coalesce(m.education_level, 'UNKNOWN'), coalesce(m.category, 'NONE'), m.sex,
       case when age < 30 then 'UNDER_30' when age < 40 then '30_39' when age < 50 then '40_49'
            when age < 60 then '50_59' else '60_PLUS' end,
       count(*)
  from employment_contract c
  join staff_member m on m.id = c.staff_member_id
  join staff_position p on p.code = c.position
  cross join lateral (select extract(year from age(p_on, m.birth_date))::integer as age) a
 where c.kato between p_from and p_to
   and bilim_in_scope(c.kato, c.organisation_id)
   and c.starts_on <= p_on
   and (c.dismissed_on is null or c.dismissed_on >= p_on)
   and (c.ends_on is null or c.ends_on >= p_on)
 group by 1, 2, 3, 4, 5, 6, 7, 8, 9
$$;
revoke all on function bilim_staff_counts(text, text, date) from public;
grant execute on function bilim_staff_counts(text, text, date) to bilim_app;
