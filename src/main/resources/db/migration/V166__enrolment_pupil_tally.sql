-- Home dashboards (issue 13): the active pupils per organisation kept as an aggregate that the registry's own changes
-- refresh, so that the ministry's first view sums ~20,000 rows instead of counting ~5 million enrolments per request.
-- Statement-level triggers with transition tables: one grouped upsert per statement, also for the bulk COPY of the
-- demo data; TRUNCATE empties it. Counts only, no person.
create table enrolment_pupil_tally
(
    organisation_id bigint primary key,
    kato            text collate "C" not null,
    pupils          bigint           not null
);
create index enrolment_pupil_tally_kato on enrolment_pupil_tally (kato);
alter table enrolment_pupil_tally enable row level security;
create policy enrolment_pupil_tally_scope on enrolment_pupil_tally using (bilim_in_scope(kato, organisation_id));

create function bilim_tally_enrolments() returns trigger
    language plpgsql security definer set search_path = public as
$$
begin
    if tg_op = 'TRUNCATE' then
        delete from enrolment_pupil_tally;
        return null;
    end if;
    if tg_op = 'INSERT' then
        insert into enrolment_pupil_tally as t (organisation_id, kato, pupils)
        select organisation_id, max(kato), count(*) from new_rows where enrolled_to is null group by organisation_id
        on conflict (organisation_id) do update set pupils = t.pupils + excluded.pupils, kato = excluded.kato;
    elsif tg_op = 'UPDATE' then
        insert into enrolment_pupil_tally as t (organisation_id, kato, pupils)
        select organisation_id, coalesce(max(kato) filter (where n > 0), max(kato)), sum(n)
          from (select organisation_id, kato, case when enrolled_to is null then 1 else 0 end as n from new_rows
                union all
                select organisation_id, kato, case when enrolled_to is null then -1 else 0 end from old_rows) d
         group by organisation_id
        on conflict (organisation_id) do update set pupils = t.pupils + excluded.pupils, kato = excluded.kato;
    else
        update enrolment_pupil_tally t set pupils = t.pupils - d.n
          from (select organisation_id, count(*) as n from old_rows where enrolled_to is null group by 1) d
         where t.organisation_id = d.organisation_id;
    end if;
    return null;
end
$$;
create trigger enrolment_tally_insert after insert on enrolment referencing new table as new_rows
    for each statement execute function bilim_tally_enrolments();
create trigger enrolment_tally_update after update on enrolment referencing old table as old_rows new table as new_rows
    for each statement execute function bilim_tally_enrolments();
create trigger enrolment_tally_delete after delete on enrolment referencing old table as old_rows
    for each statement execute function bilim_tally_enrolments();
create trigger enrolment_tally_truncate after truncate on enrolment
    for each statement execute function bilim_tally_enrolments();

insert into enrolment_pupil_tally (organisation_id, kato, pupils)
select organisation_id, max(kato), count(*) from enrolment where enrolled_to is null group by organisation_id;

-- The home page's count per child territory now sums the tally (same answer: active pupils, in the caller's scope).
create or replace function bilim_active_pupils_by_prefix(p_length integer, p_from text, p_to text)
    returns table (prefix text, pupils bigint)
    language sql stable security definer set search_path = public as
$$
select left(t.kato, p_length) as prefix, sum(t.pupils)::bigint as pupils
  from enrolment_pupil_tally t
 where t.pupils <> 0
   and t.kato between p_from and p_to
   and bilim_in_scope(t.kato, t.organisation_id)
 group by 1
$$;
