-- Home dashboards (issue 13): the classes per organisation and school year kept as an aggregate that the registry's
-- own changes refresh (as the pupils' tally, V166), so that the ministry's first view sums ~10,000 rows instead of
-- counting ~200,000 classes through row-level security per request. Statement-level triggers with transition tables:
-- one grouped upsert per statement, also for the bulk COPY of the demo data; TRUNCATE empties it. Counts only.
create table school_class_tally
(
    organisation_id bigint           not null,
    academic_year   smallint         not null,
    kato            text collate "C" not null,
    classes         bigint           not null,
    primary key (organisation_id, academic_year)
);
create index school_class_tally_year_kato on school_class_tally (academic_year, kato);
alter table school_class_tally enable row level security;
create policy school_class_tally_scope on school_class_tally using (bilim_in_scope(kato, organisation_id));

create function bilim_tally_classes() returns trigger
    language plpgsql security definer set search_path = public as
$$
begin
    if tg_op = 'TRUNCATE' then
        delete from school_class_tally;
        return null;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into school_class_tally as t (organisation_id, academic_year, kato, classes)
        select organisation_id, academic_year, max(kato), count(*) from new_rows group by 1, 2
        on conflict (organisation_id, academic_year) do update set classes = t.classes + excluded.classes,
                                                                     kato = excluded.kato;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        update school_class_tally t set classes = t.classes - d.n
          from (select organisation_id, academic_year, count(*) as n from old_rows group by 1, 2) d
         where t.organisation_id = d.organisation_id and t.academic_year = d.academic_year;
    end if;
    return null;
end
$$;
create trigger school_class_tally_insert after insert on school_class referencing new table as new_rows
    for each statement execute function bilim_tally_classes();
create trigger school_class_tally_update after update on school_class
    referencing old table as old_rows new table as new_rows
    for each statement execute function bilim_tally_classes();
create trigger school_class_tally_delete after delete on school_class referencing old table as old_rows
    for each statement execute function bilim_tally_classes();
create trigger school_class_tally_truncate after truncate on school_class
    for each statement execute function bilim_tally_classes();

insert into school_class_tally (organisation_id, academic_year, kato, classes)
select organisation_id, academic_year, max(kato), count(*) from school_class group by 1, 2;
