-- CA-3 (issue 9): the kept aggregate of the nine lists, per settlement (the child's residence), so that the
-- ministry's counts for the whole country are a sum over some thousand rows, not a count over millions.
-- 1. child.held: the active sources of a child as bits (kept by the merge), so that every list is a condition on the
--    child's own columns: EMIS_PRESCHOOL 1, EMIS_SCHOOL 2, EMIS_TVET 4, EMIS_NON_STATE 8, JUSTICE 16, KANDAS 32.
-- 2. child_list_bits(): the lists of one child on a day, as bits in the order of ChildList (PRESCHOOL_AGE 1 …
--    TRUANT 256) — the same rules as ChildListPolicy (Java), which a test holds equal (ChildListCountsTest).
-- 3. child_list_count: per settlement, the children and the count on each list, on the day child_list_count_day
--    says; kept by statement triggers on child (transition tables: one set-based delta per statement, whatever the
--    statement — an import's merge, a registry refresh after an enrolment change, an exemption), and rebuilt whole
--    when the day changes (ages move) by child_list_counts_rebuild(day).

alter table child add column held smallint not null default 0;

update child c set held = s.bits
  from (select child_id, sum(distinct case source when 'EMIS_PRESCHOOL' then 1 when 'EMIS_SCHOOL' then 2
                                         when 'EMIS_TVET' then 4 when 'EMIS_NON_STATE' then 8 when 'JUSTICE' then 16
                                         else 32 end)::smallint as bits
          from child_source where active group by child_id) s
 where s.child_id = c.id;

create function child_list_bits(birth_date date, exempt boolean, held smallint, citizenship text, day date)
    returns integer language sql immutable parallel safe as
$$
select (case when birth_date > day - interval '6 years' then 1 else 0 end)                          -- (1) PRESCHOOL_AGE
     | (case when birth_date <= day - interval '6 years' and birth_date > day - interval '18 years'
             then 2 else 0 end)                                                                       -- (2) SCHOOL_AGE
     | (case when held & 4 <> 0 then 4 else 0 end)                                                    -- (3) TVET
     | (case when held & 8 <> 0 then 8 else 0 end)                                                    -- (4) NON_STATE
     | (case when exempt and birth_date <= day - interval '6 years' and birth_date > day - interval '18 years'
             then 16 else 0 end)                                                          -- (5) NOT_SUBJECT_TO_SCHOOLING
     | (case when held & 32 <> 0 then 32 else 0 end)                                                  -- (6) KANDAS
     | (case when citizenship <> 'KZ' then 64 else 0 end)                                             -- (7) FOREIGN
     | (case when not exempt and held & 15 = 0 and birth_date <= day - interval '6 years'
                  and birth_date > day - interval '18 years' then 128 else 0 end)                     -- (8) NOT_COVERED
    -- (9) TRUANT: the agreed monthly list (CA-4) is not kept here yet: 256 never set
$$;

create table child_list_count
(
    kato                     text collate "C" primary key, -- a settlement: the children's residence
    children                 bigint not null default 0,
    preschool_age            bigint not null default 0,
    school_age               bigint not null default 0,
    tvet                     bigint not null default 0,
    non_state                bigint not null default 0,
    not_subject_to_schooling bigint not null default 0,
    kandas                   bigint not null default 0,
    foreign_children         bigint not null default 0,
    not_covered              bigint not null default 0,
    truant                   bigint not null default 0
);

-- The day the counts hold for (one row); null: never built (the first read builds them).
create table child_list_count_day
(
    one   boolean primary key default true check (one),
    as_of date
);
insert into child_list_count_day (as_of) values (null);

-- Counts only, no personal data: scoped by territory like the children they count.
alter table child_list_count enable row level security;
create policy child_list_count_scope on child_list_count using (bilim_in_scope(kato, null));

create function child_list_counts_rebuild(day date) returns void language plpgsql security definer
    set search_path = public as
$$
begin
    perform 1 from child_list_count_day for update;
    if (select as_of from child_list_count_day) = day then return; end if;
    lock table child_list_count in share row exclusive mode;
    delete from child_list_count;
    insert into child_list_count (kato, children, preschool_age, school_age, tvet, non_state, not_subject_to_schooling,
                                  kandas, foreign_children, not_covered, truant)
    select kato, count(*), count(*) filter (where b & 1 <> 0), count(*) filter (where b & 2 <> 0),
           count(*) filter (where b & 4 <> 0), count(*) filter (where b & 8 <> 0), count(*) filter (where b & 16 <> 0),
           count(*) filter (where b & 32 <> 0), count(*) filter (where b & 64 <> 0),
           count(*) filter (where b & 128 <> 0), count(*) filter (where b & 256 <> 0)
      from (select c.kato, child_list_bits(c.birth_date, c.exempt, c.held, c.citizenship, day) as b from child c) d
     group by kato;
    update child_list_count_day set as_of = day;
end
$$;

-- One set-based delta per statement on child: the rows as they were count -1, as they are +1, per settlement.
create function child_list_count_delta() returns trigger language plpgsql security definer
    set search_path = public as
$$
declare
    day date;
    src text;
begin
    select as_of into day from child_list_count_day;
    if day is null then return null; end if;
    src := case tg_op
        when 'INSERT' then 'select kato, 1 as n, child_list_bits(birth_date, exempt, held, citizenship, $1) as b from new_rows'
        when 'DELETE' then 'select kato, -1 as n, child_list_bits(birth_date, exempt, held, citizenship, $1) as b from old_rows'
        else 'select kato, 1 as n, child_list_bits(birth_date, exempt, held, citizenship, $1) as b from new_rows
              union all
              select kato, -1 as n, child_list_bits(birth_date, exempt, held, citizenship, $1) as b from old_rows' end;
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

create trigger child_list_count_insert after insert on child referencing new table as new_rows
    for each statement execute function child_list_count_delta();
create trigger child_list_count_update after update on child referencing old table as old_rows new table as new_rows
    for each statement execute function child_list_count_delta();
create trigger child_list_count_delete after delete on child referencing old table as old_rows
    for each statement execute function child_list_count_delta();

-- CA-2 linkage: NameKey.fold (Java) in SQL, for rows staged set-based (the registry's pupils): lower case,
-- Kazakh/Russian Cyrillic to Latin, marks dropped, the look-alike letters one, doubled letters one. A test holds
-- the two equal (ChildListCountsTest).
create function child_name_fold(name text) returns text language sql immutable parallel safe as
$$
select regexp_replace(
         replace(replace(
           regexp_replace(
             translate(replace(replace(replace(replace(replace(replace(replace(
               regexp_replace(normalize(
                 translate(
                   replace(replace(replace(replace(replace(replace(replace(replace(replace(
                     lower(coalesce(name, '') collate "und-x-icu"),
                     'ж', 'zh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'щ', 'sh'), 'ю', 'iu'), 'я', 'ia'), 'ş', 'sh'), 'ç', 'ch'),
                   'аәбвгғдеёзийкқлмнңоөпрстуұүфхһыіэıъь',
                   'aabvggdeeziikklmnnooprstuuufhhiiei'),
                 NFD), '[\u0300-\u036f]', '', 'g'),
               'kh', 'h'), 'dzh', 'zh'), 'j', 'zh'), 'q', 'k'), 'w', 'u'), 'y', 'i'), 'x', 'h'),
             'qwyx', 'kuih'),
           '[^a-z]', '', 'g'),
         'iu', 'u'), 'ia', 'a'),
       '(.)\1+', '\1', 'g')
$$;

create function child_name_key(last_name text, first_name text) returns text language sql immutable parallel safe as
$$
select child_name_fold(last_name) || ' ' || child_name_fold(first_name)
$$;
