-- CA-2, CA-3 (issue 9): a record merged into another (merged_into set: history, not a child) is on no list and in no
-- count. The lists of one record on a day (V170) answer 0 for a merged one; the kept counts are built and kept with it,
-- and a merged record counts as no child — so a read needs no correction for merged records (ChildRegistry).

create function child_list_bits(birth_date date, exempt boolean, held smallint, citizenship text, day date,
                                merged boolean)
    returns integer language sql immutable parallel safe as
$$
select case when merged then 0 else child_list_bits(birth_date, exempt, held, citizenship, day) end
$$;

create or replace function child_list_counts_rebuild(day date) returns void language plpgsql security definer
    set search_path = public as
$$
begin
    perform 1 from child_list_count_day for update;
    if (select as_of from child_list_count_day) = day then return; end if;
    lock table child_list_count in share row exclusive mode;
    delete from child_list_count;
    insert into child_list_count (kato, children, preschool_age, school_age, tvet, non_state, not_subject_to_schooling,
                                  kandas, foreign_children, not_covered, truant)
    select kato, count(*) filter (where not merged), count(*) filter (where b & 1 <> 0),
           count(*) filter (where b & 2 <> 0), count(*) filter (where b & 4 <> 0), count(*) filter (where b & 8 <> 0),
           count(*) filter (where b & 16 <> 0), count(*) filter (where b & 32 <> 0), count(*) filter (where b & 64 <> 0),
           count(*) filter (where b & 128 <> 0), count(*) filter (where b & 256 <> 0)
      from (select c.kato, c.merged_into is not null as merged,
                   child_list_bits(c.birth_date, c.exempt, c.held, c.citizenship, day, c.merged_into is not null) as b
              from child c) d
     group by kato;
    update child_list_count_day set as_of = day;
end
$$;

create or replace function child_list_count_delta() returns trigger language plpgsql security definer
    set search_path = public as
$$
declare
    day date;
    src text;
    one text := 'select kato, %s * (case when merged_into is null then 1 else 0 end) as n,
                        child_list_bits(birth_date, exempt, held, citizenship, $1, merged_into is not null) as b from %s';
begin
    select as_of into day from child_list_count_day;
    if day is null then return null; end if;
    src := case tg_op
        when 'INSERT' then format(one, '1', 'new_rows')
        when 'DELETE' then format(one, '-1', 'old_rows')
        else format(one, '1', 'new_rows') || ' union all ' || format(one, '-1', 'old_rows') end;
    execute 'insert into child_list_count as t (kato, children, preschool_age, school_age, tvet, non_state,
                 not_subject_to_schooling, kandas, foreign_children, not_covered, truant)
             select kato, sum(n), coalesce(sum(n) filter (where b & 1 <> 0), 0),
                    coalesce(sum(n) filter (where b & 2 <> 0), 0), coalesce(sum(n) filter (where b & 4 <> 0), 0),
                    coalesce(sum(n) filter (where b & 8 <> 0), 0), coalesce(sum(n) filter (where b & 16 <> 0), 0),
                    coalesce(sum(n) filter (where b & 32 <> 0), 0), coalesce(sum(n) filter (where b & 64 <> 0), 0),
                    coalesce(sum(n) filter (where b & 128 <> 0), 0), coalesce(sum(n) filter (where b & 256 <> 0), 0)
               from (' || src || ') d
              group by kato
              order by kato
             on conflict (kato) do update
                set children = t.children + excluded.children, preschool_age = t.preschool_age + excluded.preschool_age,
                    school_age = t.school_age + excluded.school_age, tvet = t.tvet + excluded.tvet,
                    non_state = t.non_state + excluded.non_state,
                    not_subject_to_schooling = t.not_subject_to_schooling + excluded.not_subject_to_schooling,
                    kandas = t.kandas + excluded.kandas, foreign_children = t.foreign_children + excluded.foreign_children,
                    not_covered = t.not_covered + excluded.not_covered, truant = t.truant + excluded.truant'
        using day;
    return null;
end
$$;

-- the kept counts held the merged records: built again on the next read
update child_list_count_day set as_of = null;
