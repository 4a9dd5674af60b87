-- TR-7 (admission by order, also of a pupil who lives or studied elsewhere) and CA-2 (records scoped by territory).
-- V4 gave person one policy for every command, so a school could not register a pupil who lives in another district,
-- and could not find an already registered person it does not yet see. Here:
--  * reading and changing a person stays scoped (residence in scope, or an enrolment the caller sees);
--  * registering a new person needs only the right to personal data (the registration itself is audited);
--  * bilim_person_id(iin) answers only the id of a registered person, never personal data, so that an admission
--    links the existing record instead of creating a second one (one person per IIN).
drop policy person_scope on person;
create policy person_read on person for select
    using (bilim_pii_allowed() and (bilim_in_scope(residence_kato, null)
        or exists (select 1 from enrolment e where e.person_id = person.id)));
create policy person_register on person for insert with check (bilim_pii_allowed());
create policy person_change on person for update
    using (bilim_pii_allowed() and (bilim_in_scope(residence_kato, null)
        or exists (select 1 from enrolment e where e.person_id = person.id)))
    with check (bilim_pii_allowed());

create function bilim_person_id(p_iin text) returns bigint
    language sql stable security definer set search_path = public as
$$
select p.id from person p where p.iin = p_iin and bilim_pii_allowed()
$$;
revoke all on function bilim_person_id(text) from public;
grant execute on function bilim_person_id(text) to bilim_app;

-- lists of pupils: by surname within an organisation or a territory, and active pupils of a class
create index person_last_name on person (lower(last_name) text_pattern_ops);
create index enrolment_person on enrolment (person_id);
create index enrolment_active_kato on enrolment (kato, organisation_id) where enrolled_to is null;
