-- SC-5 (issue 13): what the pupils' registry holds for the indicators, so that nothing is counted twice by hand.
-- A pupil's study form (day / evening department of a day school); marks of a person valid over a period, each with
-- its basis — special educational needs with the PMPK conclusion (number and date), orphan, without parental care
-- (the guardianship body's decision), disability (the medical-social examination's certificate); the graduation that
-- ended an enrolment — certificate kind (basic / general secondary), distinction ("Altyn belgi", honours) and the
-- graduate's next step. Personal data: row-level security as on enrolment. The statistics read only the aggregates of
-- bilim_pupil_facts / bilim_graduation_facts.
alter table enrolment
    add column study_form text not null default 'DAY' check (study_form in ('DAY', 'EVENING'));

create table pupil_mark
(
    id              bigint generated always as identity primary key,
    person_id       bigint           not null references person (id),
    organisation_id bigint           not null references organisation (id),
    kato            text collate "C" not null, -- the recording organisation's, for scope and row-level security
    mark            text             not null
        check (mark in ('SPECIAL_NEEDS', 'ORPHAN', 'WITHOUT_PARENTAL_CARE', 'DISABILITY')),
    basis           text             not null check (basis <> ''),
    valid_from      date             not null,
    valid_to        date,
    recorded_by     text             not null,
    recorded_at     timestamptz      not null default now(),
    check (valid_to is null or valid_to >= valid_from)
);
create index pupil_mark_person on pupil_mark (person_id);

create table pupil_graduation
(
    enrolment_id       bigint primary key references enrolment (id),
    organisation_id    bigint           not null references organisation (id),
    kato               text collate "C" not null,
    graduated_on       date             not null,
    certificate_kind   text             not null check (certificate_kind in ('BASIC', 'GENERAL')),
    certificate_number text             not null check (certificate_number <> ''),
    distinction        text check (distinction in ('ALTYN_BELGI', 'HONOURS')),
    next_step          text             not null default 'UNKNOWN'
        check (next_step in ('CONTINUES_SCHOOL', 'TVET', 'HIGHER_EDUCATION', 'EMPLOYED', 'NOT_PLACED', 'UNKNOWN')),
    recorded_by        text             not null,
    recorded_at        timestamptz      not null default now(),
    check (distinction is distinct from 'ALTYN_BELGI' or certificate_kind = 'GENERAL')
);
create index pupil_graduation_day on pupil_graduation (graduated_on);

alter table pupil_mark enable row level security;
alter table pupil_graduation enable row level security;
create policy pupil_mark_scope on pupil_mark using (bilim_pii_allowed() and bilim_in_scope(kato, organisation_id));
create policy pupil_graduation_scope on pupil_graduation
    using (bilim_pii_allowed() and bilim_in_scope(kato, organisation_id));

-- The pupils' facts gain the study form and the marks valid on the day (counted once per pupil each).
drop function bilim_pupil_facts(date);
create function bilim_pupil_facts(p_on date)
    returns table (organisation_id bigint, kato text, sex text, grade smallint, shift smallint, language text,
                   age integer, nationality text, study_form text, special_needs boolean, orphan boolean,
                   disability boolean, pupils bigint)
    language sql stable security definer set search_path = public as
$$
with marks as (select m.person_id,
                      bool_or(m.mark = 'SPECIAL_NEEDS') as special_needs,
                      bool_or(m.mark in ('ORPHAN', 'WITHOUT_PARENTAL_CARE')) as orphan,
                      bool_or(m.mark = 'DISABILITY') as disability
                 from pupil_mark m
                where m.valid_from <= p_on and (m.valid_to is null or m.valid_to >= p_on)
                group by m.person_id)
select e.organisation_id, e.kato, p.sex, e.grade, coalesce(c.shift, 0::smallint), c.language,
       extract(year from age(p_on, p.birth_date))::integer, coalesce(nullif(p.nationality, ''), 'UNKNOWN'),
       e.study_form, coalesce(mk.special_needs, false), coalesce(mk.orphan, false), coalesce(mk.disability, false),
       count(*)
  from enrolment e
  join person p on p.id = e.person_id
  left join school_class c on c.id = e.class_id
  left join marks mk on mk.person_id = e.person_id
 where e.enrolled_from <= p_on
   and (e.enrolled_to is null or e.enrolled_to >= p_on)
   and bilim_in_scope(e.kato, e.organisation_id)
 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
$$;
revoke all on function bilim_pupil_facts(date) from public;
grant execute on function bilim_pupil_facts(date) to bilim_app;

-- The graduations of a span of days (the school year before a snapshot), aggregated: age in full years on p_age_on.
create function bilim_graduation_facts(p_from date, p_to date, p_age_on date)
    returns table (organisation_id bigint, kato text, sex text, grade smallint, shift smallint, language text,
                   age integer, nationality text, study_form text, certificate_kind text, distinction text,
                   next_step text, graduates bigint)
    language sql stable security definer set search_path = public as
$$
select g.organisation_id, g.kato, p.sex, e.grade, coalesce(c.shift, 0::smallint), c.language,
       extract(year from age(p_age_on, p.birth_date))::integer, coalesce(nullif(p.nationality, ''), 'UNKNOWN'),
       e.study_form, g.certificate_kind, coalesce(g.distinction, 'NONE'), g.next_step, count(*)
  from pupil_graduation g
  join enrolment e on e.id = g.enrolment_id
  join person p on p.id = e.person_id
  left join school_class c on c.id = e.class_id
 where g.graduated_on between p_from and p_to
   and bilim_in_scope(g.kato, g.organisation_id)
 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
$$;
revoke all on function bilim_graduation_facts(date, date, date) from public;
grant execute on function bilim_graduation_facts(date, date, date) to bilim_app;
