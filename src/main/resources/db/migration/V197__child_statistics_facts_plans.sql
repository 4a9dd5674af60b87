-- SC-4 (issue 13): taking a national snapshot had grown past 60 s; two of its reads spent most of it.
--
-- bilim_child_facts asked for each child's organisation by a correlated subquery: the planner evaluated it in the
-- leader after gathering the workers' rows, 2.9 M index look-ups in one process (national demo: 19–30 s of ~50 s of
-- reading). Here the sources join the children by a parallel hash join and the organisation (the lowest id of an active
-- EMIS source, as before) is taken per child before counting, in the workers.
--
-- Both facts functions group about 5 M joined rows into ~1 M groups; at the server's 64 MB per sort or hash they
-- spilled to temporary files (1.5 GB for the pupils). This function sets its own work_mem (V198 the pupils' one, owned
-- by enrolment): it applies only while it runs (a snapshot taken by one instance under ShedLock), not to other statements.
create or replace function bilim_child_facts(p_age_on date, p_max_age integer)
    returns table (kato text, sex text, age integer, organisation_id bigint, children bigint)
    language sql stable security definer set search_path = public as
$$
select kato, sex, age, organisation_id, count(*)
  from (select c.kato, coalesce(c.sex, 'UNKNOWN') as sex,
               extract(year from age(p_age_on, c.birth_date))::integer as age,
               min(s.organisation_id) as organisation_id
          from child c
          left join child_source s on s.child_id = c.id and s.active and s.organisation_id is not null
                                  and s.source in ('EMIS_PRESCHOOL', 'EMIS_SCHOOL', 'EMIS_TVET', 'EMIS_NON_STATE')
         where c.held <> 0
           and c.birth_date <= p_age_on
           and c.birth_date > (p_age_on - make_interval(years => p_max_age + 1))::date
           and bilim_in_scope(c.kato, null)
         group by c.id) per_child
 group by 1, 2, 3, 4
$$;
alter function bilim_child_facts(date, integer) set work_mem = '256MB';
