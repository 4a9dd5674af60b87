-- Admitting a person already registered (issue 7): the IIN alone is not enough — anyone can type an IIN. The
-- admission names the person too, and this function links the record only when the surname, first name and birth
-- date agree with it, answering the id and the home territory (for the audit there) and nothing else; a caller
-- who typed the wrong name learns no more than that the data do not agree.
create function bilim_person_identified(p_iin text, p_last_name text, p_first_name text, p_birth_date date)
    returns table (id bigint, residence_kato text)
    language sql stable security definer set search_path = public as
$$
select p.id, p.residence_kato from person p
 where p.iin = p_iin and bilim_pii_allowed()
   and lower(btrim(p.last_name)) = lower(btrim(p_last_name))
   and lower(btrim(p.first_name)) = lower(btrim(p_first_name))
   and p.birth_date = p_birth_date
$$;
revoke all on function bilim_person_identified(text, text, text, date) from public;
grant execute on function bilim_person_identified(text, text, text, date) to bilim_app;
