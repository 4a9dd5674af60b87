-- SC-5 (issue 13), indicators 16 and 17: the staff registry holds what their breakdowns "by nationality" and "by
-- grade" need — an employee's nationality (as the person states it, like a pupil's) and, on a contract, the band of
-- grades it teaches: primary 1–4, basic 5–9, senior 10–11, or mixed (several bands). One band per contract, so a
-- teacher is counted once and the total stays the sum over the breakdown. Both optional (null: not recorded, counted
-- as UNKNOWN); the grades only on a TEACHER contract.
alter table staff_member add column nationality text check (nationality <> '' and length(nationality) <= 100);
alter table employment_contract add column grades_taught text
    check (grades_taught in ('PRIMARY', 'BASIC', 'SENIOR', 'MIXED'));
alter table employment_contract add constraint employment_contract_grades_teacher
    check (grades_taught is null or position = 'TEACHER');

-- The staff figures gain the two marks (the result type changes: dropped and created again).
drop function bilim_staff_counts(text, text, date);
create function bilim_staff_counts(p_from text, p_to text, p_on date)
    returns table (organisation_id bigint, kato text, position_code text, pedagogical boolean, works_with_minors boolean,
                   education_level text, category text, sex text, age_band text, nationality text, grades_taught text,
                   staff bigint)
    language sql stable security definer set search_path = public as
$$
select c.organisation_id, c.kato, c.position, p.pedagogical, p.works_with_minors,
       coalesce(m.education_level, 'UNKNOWN'), coalesce(m.category, 'NONE'), m.sex,
       case when age < 30 then 'UNDER_30' when age < 40 then '30_39' when age < 50 then '40_49'
            when age < 60 then '50_59' else '60_PLUS' end,
       coalesce(m.nationality, 'UNKNOWN'), coalesce(c.grades_taught, 'UNKNOWN'),
       count(*)
  from employment_contract c
  join staff_member m on m.id = c.staff_member_id
  join staff_position p on p.code = c.position
  cross join lateral (select extract(year from age(p_on, m.birth_date))::integer as age) a
 where c.kato between p_from and p_to
   and bilim_in_scope(c.kato, c.organisation_id)
   and c.starts_on <= p_on
   and (c.dismissed_on is null or c.dismissed_on >= p_on)
   and (c.ends_on is null or c.ends_on >= p_on)
 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
$$;
revoke all on function bilim_staff_counts(text, text, date) from public;
grant execute on function bilim_staff_counts(text, text, date) to bilim_app;
