-- MS-1 (standard): the child registry's facts of one territory — bilim_child_facts restricted to the residences under
-- a KATO range, so that a district's network review reads its own children by the residence index, not the country.
create function bilim_child_facts_under(p_from text, p_to text, p_age_on date, p_max_age integer)
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
           and c.kato between p_from and p_to
           and c.birth_date <= p_age_on
           and c.birth_date > (p_age_on - make_interval(years => p_max_age + 1))::date
           and bilim_in_scope(c.kato, null)
         group by c.id) per_child
 group by 1, 2, 3, 4
$$;
revoke all on function bilim_child_facts_under(text, text, date, integer) from public;
grant execute on function bilim_child_facts_under(text, text, date, integer) to bilim_app;
