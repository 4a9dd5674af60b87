-- SC-5 (issue 13): the snapshot gains what the pending indicators waited for. No person anywhere: counts only.
-- stat_pupil.preschool_group: the preschool group of the children's facts (31, 32, 37 "group", 38).
-- stat_organisation.preschool_type: the type the accepted preschool passport of the year gives (KINDERGARTEN,
--   MINI_CENTRE, SPECIAL; null: no accepted passport) — 38, 44 and the preschool sub-types of "organisationType";
--   the passport's places, buildings and buildings in emergency state go to the columns the school passport fills
--   (35, 36): an organisation is a school or a preschool, never both.
-- stat_child: every child 0–7 of the child registry by residence, sex, age on 1 September of the snapshot's school
--   year and the organisation attended (its kind, type and ownership; NONE when none) — 40.
-- stat_queue: the preschool queue's entries open on the day by the queue's territory, sex and age on the day — 41.
alter table stat_pupil
    add column preschool_group text not null default 'NONE';
alter table stat_organisation
    add column preschool_type text;

create table stat_child
(
    snapshot_id     bigint           not null references stat_snapshot (id),
    kato            text collate "C" not null, -- the residence
    urban           boolean          not null, -- of the residence
    organisation_id bigint,                    -- attended (an active EMIS source), null: none
    kind            text             not null, -- the organisation's kind, NONE
    preschool_type  text,
    ownership       text             not null, -- STATE / PRIVATE, NONE
    sex             text             not null,
    age             integer          not null,
    children        bigint           not null check (children > 0)
);
create index stat_child_snapshot on stat_child (snapshot_id);

create table stat_queue
(
    snapshot_id bigint           not null references stat_snapshot (id),
    kato        text collate "C" not null, -- the queue's territory
    urban       boolean          not null,
    sex         text             not null,
    age         integer          not null,
    entries     bigint           not null check (entries > 0)
);
create index stat_queue_snapshot on stat_queue (snapshot_id);

create trigger stat_child_frozen before update or delete on stat_child for each row execute function stat_frozen();
create trigger stat_queue_frozen before update or delete on stat_queue for each row execute function stat_frozen();
