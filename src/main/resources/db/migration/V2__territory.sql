-- CA-2, SC-5: the KATO classifier (region → district → rural district → settlement), names kk/ru, urban/rural.
-- Codes sort byte-wise (collate "C") so that a subtree is a prefix range.
create table territory
(
    kato        text collate "C" primary key check (kato ~ '^[0-9]{9}$'),
    parent_kato text collate "C" references territory (kato),
    level       smallint not null check (level between 1 and 4),
    name_kk     text     not null check (name_kk <> ''),
    name_ru     text     not null check (name_ru <> ''),
    urban       boolean  not null,
    -- the digits that every code in this subtree starts with: AB, ABCD, ABCDEF or the whole code
    scope_prefix text collate "C" generated always as (left(kato, case level when 1 then 2 when 2 then 4 when 3 then 6 else 9 end)) stored,
    check ((level = 1) = (parent_kato is null))
);
create index territory_parent on territory (parent_kato);
create index territory_names on territory using btree (lower(name_ru) text_pattern_ops);
create index territory_names_kk on territory using btree (lower(name_kk) text_pattern_ops);
