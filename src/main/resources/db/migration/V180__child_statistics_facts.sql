-- SC-5 (issue 13, indicators 40 and 41): the child registry's aggregates for the statistics snapshot — counts per
-- residence, sex, age and (for children) the organisation an active EMIS source places the child in. Never a person.
-- Counted as the schema owner (row-level security hides children from roles without personal data) but within the
-- caller's scope, like bilim_pupil_facts. After V170 (child.held: the sources holding a child).

-- The children held by a source (held <> 0: not history) born on or before p_age_on and at most p_max_age full years
-- old on it, per residence, sex, age and the organisation of an active EMIS source (the lowest id when several).
create function bilim_child_facts(p_age_on date, p_max_age integer)
    returns table (kato text, sex text, age integer, organisation_id bigint, children bigint)
    language sql stable security definer set search_path = public as
$$
select c.kato, coalesce(c.sex, 'UNKNOWN'), extract(year from age(p_age_on, c.birth_date))::integer,
       (select min(s.organisation_id) from child_source s
         where s.child_id = c.id and s.active and s.organisation_id is not null
           and s.source in ('EMIS_PRESCHOOL', 'EMIS_SCHOOL', 'EMIS_TVET', 'EMIS_NON_STATE')),
       count(*)
  from child c
 where c.held <> 0
   and c.birth_date <= p_age_on
   and c.birth_date > (p_age_on - make_interval(years => p_max_age + 1))::date
   and bilim_in_scope(c.kato, null)
 group by 1, 2, 3, 4
$$;
revoke all on function bilim_child_facts(date, integer) from public;
grant execute on function bilim_child_facts(date, integer) to bilim_app;

-- The queue entries open on p_on (registered on or before it, not closed by it), per territory, sex and full years of
-- age on p_on.
create function bilim_preschool_queue_facts(p_on date)
    returns table (kato text, sex text, age integer, entries bigint)
    language sql stable security definer set search_path = public as
$$
select q.kato, coalesce(c.sex, 'UNKNOWN'), extract(year from age(p_on, c.birth_date))::integer, count(*)
  from preschool_queue_entry q
  join child c on c.id = q.child_id
 where q.registered_on <= p_on
   and (q.closed_on is null or q.closed_on > p_on)
   and bilim_in_scope(q.kato, null)
 group by 1, 2, 3
$$;
revoke all on function bilim_preschool_queue_facts(date) from public;
grant execute on function bilim_preschool_queue_facts(date) to bilim_app;
