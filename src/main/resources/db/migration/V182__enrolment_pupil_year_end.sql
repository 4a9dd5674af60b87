-- SC-5 (issue 13), indicator 19: the year-end outcome of a pupil's school year, held by the pupils' registry beside
-- the graduations (V164) so that nothing is counted by hand — promoted to the next grade, completed the grade (its
-- last grade of the school year, e.g. an evening school's 9th before the certificate), or not promoted (repeats the
-- grade). One outcome per enrolment and school year (its first calendar year), decided on a day with the
-- pedagogical council's decision as basis. Personal data: row-level security as on enrolment; the statistics read
-- only the aggregates of bilim_year_end_facts.
create table pupil_year_end
(
    enrolment_id    bigint           not null references enrolment (id),
    school_year     smallint         not null check (school_year between 2000 and 2100),
    organisation_id bigint           not null references organisation (id),
    kato            text collate "C" not null,
    grade           smallint         not null check (grade between 0 and 12),
    outcome         text             not null check (outcome in ('PROMOTED', 'COMPLETED', 'NOT_PROMOTED')),
    decided_on      date             not null,
    basis           text             not null check (basis <> ''),
    recorded_by     text             not null,
    recorded_at     timestamptz      not null default now(),
    primary key (enrolment_id, school_year),
    -- the decision falls in its school year (1 September … 31 August)
    check (decided_on between make_date(school_year, 9, 1) and make_date(school_year + 1, 8, 31))
);
create index pupil_year_end_day on pupil_year_end (decided_on);

alter table pupil_year_end enable row level security;
create policy pupil_year_end_scope on pupil_year_end
    using (bilim_pii_allowed() and bilim_in_scope(kato, organisation_id));

-- The year-end outcomes decided on the days p_from … p_to (the school year before a snapshot), aggregated: age in
-- full years on p_age_on. No person leaves the function.
create function bilim_year_end_facts(p_from date, p_to date, p_age_on date)
    returns table (organisation_id bigint, kato text, sex text, grade smallint, age integer, outcome text,
                   pupils bigint)
    language sql stable security definer set search_path = public as
$$
select y.organisation_id, y.kato, p.sex, y.grade, extract(year from age(p_age_on, p.birth_date))::integer, y.outcome,
       count(*)
  from pupil_year_end y
  join enrolment e on e.id = y.enrolment_id
  join person p on p.id = e.person_id
 where y.decided_on between p_from and p_to
   and bilim_in_scope(y.kato, y.organisation_id)
 group by 1, 2, 3, 4, 5, 6
$$;
revoke all on function bilim_year_end_facts(date, date, date) from public;
grant execute on function bilim_year_end_facts(date, date, date) to bilim_app;
