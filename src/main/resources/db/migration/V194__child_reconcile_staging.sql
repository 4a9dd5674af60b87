-- Issue 9 benchmark, the national reconciliation (docs/child.md "The national reconciliation"): the checked rows of
-- the Justice and Kandas files are COPYed here on a connection of their own while the reconciliation's transaction
-- stages the registry's pupils on another (both cores busy), then read by that transaction's one bulk merge and
-- emptied by it. Staging, not the registry: unlogged (nothing of it survives a crash, nor needs to), no keys, and
-- one reconciliation at a time (the national Justice and Kandas imports it queues are unique while running, V120).
create unlogged table child_reconcile_row
(
    import_id      bigint           not null,
    source         text collate "C" not null,
    row_no         bigint           not null,
    iin            text collate "C",
    last_name      text             not null,
    first_name     text             not null,
    patronymic     text,
    birth_date     date             not null,
    sex            text,
    citizenship    text collate "C" not null,
    residence_kato text collate "C" not null,
    name_key       text collate "C" not null,
    territory      text collate "C" not null
);
-- personal data while it is staged: nobody but the schema owner (the merge) reads it
alter table child_reconcile_row enable row level security;
