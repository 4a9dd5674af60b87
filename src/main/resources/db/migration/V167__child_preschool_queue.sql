-- SC-5 (issue 13, indicator 41) in the child registry (issue 9).
-- preschool_queue_entry: the queue for places in preschool organisations — a child of the single database put on
-- the queue of a territory (the settlement or district where a place is wanted) on a day, closed when placed,
-- withdrawn or moved away. One open entry per child. Personal data: row-level security by the entry's territory.

create table preschool_queue_entry
(
    id            bigint generated always as identity primary key,
    child_id      bigint           not null references child (id),
    kato          text collate "C" not null, -- where a place is wanted (a settlement or district), for scope and RLS
    registered_on date             not null,
    wanted_from   date             not null, -- the day from which a place is wanted
    closed_on     date,
    outcome       text collate "C" check (outcome in ('PLACED', 'WITHDRAWN', 'MOVED_AWAY')),
    recorded_by   text             not null,
    recorded_at   timestamptz      not null default now(),
    closed_by     text,
    check ((closed_on is null) = (outcome is null)),
    check (closed_on is null or closed_on >= registered_on),
    check (wanted_from >= registered_on - 366)
);
create unique index preschool_queue_entry_open on preschool_queue_entry (child_id) where closed_on is null;
create index preschool_queue_entry_kato on preschool_queue_entry (kato);

alter table preschool_queue_entry enable row level security;
create policy preschool_queue_entry_scope on preschool_queue_entry
    using (bilim_pii_allowed() and bilim_in_scope(kato, null));
