-- SC-5 (issue 13), performance at national scale: each snapshot's facts folded once, at taking, into cells — the
-- facts summed per organisation attributes the indicators use (territory code, kind, ownership, locality, language,
-- deep-study classes) and per fact marks, without the organisation itself. An indicator over the whole country or a
-- territory then groups these cells without a join (one organisation per row is what made the facts many); a reader
-- scoped to one organisation still reads the facts. Derived from the frozen facts, frozen like them. No person.
create table stat_pupil_cell
(
    snapshot_id        bigint           not null references stat_snapshot (id),
    kato               text collate "C" not null,
    kind               text             not null,
    ownership          text             not null,
    urban              boolean          not null,
    org_language       text             not null,
    deep_study_classes integer,
    sex                text             not null,
    grade              smallint,
    shift              smallint         not null,
    language           text,
    age                integer          not null,
    nationality        text             not null,
    study_form         text             not null,
    special_needs      boolean          not null,
    orphan             boolean          not null,
    disability         boolean          not null,
    pupils             bigint           not null
);
create index stat_pupil_cell_snapshot on stat_pupil_cell (snapshot_id);

create table stat_staff_cell
(
    snapshot_id     bigint           not null references stat_snapshot (id),
    kato            text collate "C" not null,
    kind            text             not null,
    ownership       text             not null,
    urban           boolean          not null,
    org_language    text             not null,
    position        text             not null,
    pedagogical     boolean          not null,
    education_level text             not null,
    sex             text             not null,
    age_band        text             not null,
    staff           bigint           not null
);
create index stat_staff_cell_snapshot on stat_staff_cell (snapshot_id);

create table stat_graduate_cell
(
    snapshot_id      bigint           not null references stat_snapshot (id),
    kato             text collate "C" not null,
    kind             text             not null,
    ownership        text             not null,
    urban            boolean          not null,
    org_language     text             not null,
    sex              text             not null,
    grade            smallint,
    shift            smallint         not null,
    language         text,
    age              integer          not null,
    nationality      text             not null,
    study_form       text             not null,
    certificate_kind text             not null,
    distinction      text             not null,
    next_step        text             not null,
    graduates        bigint           not null
);
create index stat_graduate_cell_snapshot on stat_graduate_cell (snapshot_id);

create trigger stat_pupil_cell_frozen before update or delete on stat_pupil_cell for each row execute function stat_frozen();
create trigger stat_staff_cell_frozen before update or delete on stat_staff_cell for each row execute function stat_frozen();
create trigger stat_graduate_cell_frozen before update or delete on stat_graduate_cell for each row execute function stat_frozen();
