-- SC-1, SC-3, OD-3: counts of pupils per territory for the dashboard carry no personal data, so roles without the
-- right to personal data (statistics analysts) may read them. Row-level security on enrolment hides every row from
-- such roles; this function counts as the schema owner but applies the caller's territory scope itself, and returns
-- aggregates only.
create function bilim_active_pupils_by_prefix(p_length integer, p_from text, p_to text)
    returns table (prefix text, pupils bigint)
    language sql stable security definer set search_path = public as
$$
select left(e.kato, p_length) as prefix, count(*) as pupils
  from enrolment e
 where e.enrolled_to is null
   and e.kato between p_from and p_to
   and bilim_in_scope(e.kato, e.organisation_id)
 group by 1
$$;
revoke all on function bilim_active_pupils_by_prefix(integer, text, text) from public;
grant execute on function bilim_active_pupils_by_prefix(integer, text, text) to bilim_app;
