-- SC-4, SC-5 (issue 13): statistics snapshots. Each year the registries' state as of 5 October is frozen into
-- aggregated fact tables (no person: counts per organisation and combination of marks), versioned (taking the same
-- day again adds a version, never overwrites one), and the 45 indicators are computed from them set-based. One more
-- snapshot, marked live, is the registries' state now, retaken when it is older than a minute.
create table stat_snapshot
(
    id            bigint generated always as identity primary key,
    as_of         date        not null,
    version       integer     not null check (version > 0),
    live          boolean     not null default false,
    taken_at      timestamptz not null default now(),
    taken_by      text        not null,
    organisations integer     not null default 0,
    pupils        bigint      not null default 0,
    staff         bigint      not null default 0,
    digest        text,       -- md5 of the ordered facts: the same registries give the same digest (reproducible)
    millis        integer,    -- how long taking it took
    unique (as_of, version, live)
);
create unique index stat_snapshot_one_live on stat_snapshot (live) where live;

create table stat_organisation
(
    snapshot_id     bigint           not null references stat_snapshot (id),
    organisation_id bigint           not null,
    kato            text collate "C" not null,
    kind            text             not null,
    ownership       text             not null,
    urban           boolean          not null,
    language        text             not null, -- the only language of instruction, else MIXED
    primary key (snapshot_id, organisation_id)
);

create table stat_pupil
(
    snapshot_id     bigint   not null references stat_snapshot (id),
    organisation_id bigint   not null,
    sex             text     not null,
    grade           smallint,
    shift           smallint not null,
    language        text,
    age             integer  not null,
    nationality     text     not null,
    pupils          bigint   not null check (pupils > 0)
);
create index stat_pupil_snapshot on stat_pupil (snapshot_id, organisation_id);

create table stat_staff
(
    snapshot_id     bigint not null references stat_snapshot (id),
    organisation_id bigint not null,
    position        text   not null,
    pedagogical     boolean not null,
    education_level text   not null,
    sex             text   not null,
    age_band        text   not null,
    staff           bigint not null check (staff > 0)
);
create index stat_staff_snapshot on stat_staff (snapshot_id, organisation_id);

-- Frozen: a 5-October snapshot and its facts are never changed or removed (only the live one is replaced).
create function stat_frozen() returns trigger
    language plpgsql as
$$
begin
    if tg_table_name = 'stat_snapshot' then
        -- a snapshot being written (no digest yet) is completed once; after that it is frozen
        if not old.live and (tg_op = 'DELETE' or old.digest is not null) then
            raise exception 'statistics snapshot % of % is frozen', old.version, old.as_of using errcode = '55000';
        end if;
    elsif exists (select 1 from stat_snapshot s where s.id = old.snapshot_id and not s.live) then
        raise exception 'facts of a frozen statistics snapshot' using errcode = '55000';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger stat_snapshot_frozen before update or delete on stat_snapshot for each row execute function stat_frozen();
create trigger stat_organisation_frozen before update or delete on stat_organisation for each row execute function stat_frozen();
create trigger stat_pupil_frozen before update or delete on stat_pupil for each row execute function stat_frozen();
create trigger stat_staff_frozen before update or delete on stat_staff for each row execute function stat_frozen();
