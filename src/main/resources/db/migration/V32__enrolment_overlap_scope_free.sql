-- TR-7 across territories (issue 7): a person is never enrolled in two organisations at once, whichever territory
-- holds the other enrolment. The service asked through the caller's scope, so a school saw only its own territory's
-- periods; this function answers the one question the rule needs — is there an enrolment of this person that is open
-- or ends on or after this day — over every territory, and reveals nothing else (not where, not when).
create function bilim_enrolment_overlaps(p_person bigint, p_from date) returns boolean
    language sql stable security definer set search_path = public as
$$
select exists (select 1 from enrolment e
                where e.person_id = p_person and (e.enrolled_to is null or e.enrolled_to >= p_from))
$$;
revoke all on function bilim_enrolment_overlaps(bigint, date) from public;
grant execute on function bilim_enrolment_overlaps(bigint, date) to bilim_app;
