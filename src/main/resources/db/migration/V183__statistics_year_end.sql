-- SC-5 (issue 13), indicator 19: the year-end outcomes of the school year before the snapshot, frozen beside its
-- graduations as counts per organisation, sex, grade, age and outcome. No person.
create table stat_year_end
(
    snapshot_id     bigint   not null references stat_snapshot (id),
    organisation_id bigint   not null,
    sex             text     not null,
    grade           smallint not null,
    age             integer  not null,
    outcome         text     not null, -- PROMOTED, COMPLETED, NOT_PROMOTED
    pupils          bigint   not null check (pupils > 0)
);
create index stat_year_end_snapshot on stat_year_end (snapshot_id, organisation_id);
create trigger stat_year_end_frozen before update or delete on stat_year_end for each row execute function stat_frozen();
