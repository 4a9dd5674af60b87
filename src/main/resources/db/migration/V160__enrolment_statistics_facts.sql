-- SC-4, SC-5 (issue 13): the pupils' facts of a statistics snapshot. Aggregates only: one row per organisation and
-- combination of the marks the 45 indicators break down by, for the enrolments open on p_on. Counts as the schema
-- owner (row-level security hides pupils from roles without the right to personal data) but applies the caller's
-- scope itself and returns no person. The class gives the shift and the language of instruction.
create function bilim_pupil_facts(p_on date)
    returns table (organisation_id bigint, kato text, sex text, grade smallint, shift smallint, language text,
                   age integer, nationality text, pupils bigint)
    language sql stable security definer set search_path = public as
$$
select e.organisation_id, e.kato, p.sex, e.grade, coalesce(c.shift, 0::smallint), c.language,
       extract(year from age(p_on, p.birth_date))::integer, coalesce(nullif(p.nationality, ''), 'UNKNOWN'), count(*)
  from enrolment e
  join person p on p.id = e.person_id
  left join school_class c on c.id = e.class_id
 where e.enrolled_from <= p_on
   and (e.enrolled_to is null or e.enrolled_to >= p_on)
   and bilim_in_scope(e.kato, e.organisation_id)
 group by 1, 2, 3, 4, 5, 6, 7, 8
$$;
revoke all on function bilim_pupil_facts(date) from public;
grant execute on function bilim_pupil_facts(date) to bilim_app;
