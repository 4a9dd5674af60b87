-- SC-5 (issue 13, indicators 31, 32, 38 and the breakdown 37 "group"): the group a child of a preschool organisation
-- is in — the age groups (nursery 1–2, junior 2–3, middle 3–4, senior 4–5), the pre-school preparation group (5–6,
-- the year before grade 1), a mixed-age group (small rural kindergartens) and a special group (children with special
-- educational needs in a preschool of the general type). Null for pupils of schools and colleges.
alter table enrolment
    add column preschool_group text check (preschool_group in ('NURSERY', 'JUNIOR', 'MIDDLE', 'SENIOR',
                                                               'PREPARATION', 'MIXED', 'SPECIAL'));

-- The pupils' facts gain the preschool group ('NONE' outside preschool groups).
drop function bilim_pupil_facts(date);
create function bilim_pupil_facts(p_on date)
    returns table (organisation_id bigint, kato text, sex text, grade smallint, shift smallint, language text,
                   age integer, nationality text, study_form text, special_needs boolean, orphan boolean,
                   disability boolean, preschool_group text, pupils bigint)
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
       coalesce(e.preschool_group, 'NONE'), count(*)
  from enrolment e
  join person p on p.id = e.person_id
  left join school_class c on c.id = e.class_id
  left join marks mk on mk.person_id = e.person_id
 where e.enrolled_from <= p_on
   and (e.enrolled_to is null or e.enrolled_to >= p_on)
   and bilim_in_scope(e.kato, e.organisation_id)
 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
$$;
revoke all on function bilim_pupil_facts(date) from public;
grant execute on function bilim_pupil_facts(date) to bilim_app;
