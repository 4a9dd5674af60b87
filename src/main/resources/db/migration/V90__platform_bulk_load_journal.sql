-- Issue 7 item 8: a bulk load that drops keys and indexes must survive a crash in any second. Before its first
-- destructive step it writes here what it is loading and every key, index and constraint it is about to drop; it
-- clears the row when the load is complete. A row found at start is a load that was interrupted: it is undone (its
-- rows removed, the saved definitions put back) before anything else happens.
create table bulk_load (
    id          bigint generated always as identity primary key,
    loader      text not null,
    -- what the loader needs to find its rows again (for the demo: scale, seed and the ids in use before the load)
    plan        text not null,
    in_bulk     boolean not null,
    started_at  timestamptz not null default now()
);

-- the definitions of what the load drops, exactly as pg_get_constraintdef / pg_get_indexdef gave them
create table bulk_load_key (
    load_id          bigint not null references bulk_load (id) on delete cascade,
    position         int not null,
    table_name       text not null,
    name             text not null,
    -- p, u, x, f, c for constraints (as pg_constraint.contype), i for a plain index
    type             char(1) not null,
    definition       text not null,
    index_definition text,
    -- the bulk table it belongs to, null for a foreign key of another table referring to one of them
    owner            text,
    primary key (load_id, position)
);
