-- SC-5 (issue 13): the snapshot's pupils' facts gain the study form and the marks valid on the day (special
-- educational needs with the PMPK conclusion, orphan or without parental care, disability); the graduations of the
-- school year before the snapshot are frozen beside them as counts per organisation and combination of marks. No person.
alter table stat_pupil
    add column study_form    text    not null default 'DAY',
    add column special_needs boolean not null default false,
    add column orphan        boolean not null default false,
    add column disability    boolean not null default false;

create table stat_graduate
(
    snapshot_id      bigint   not null references stat_snapshot (id),
    organisation_id  bigint   not null,
    sex              text     not null,
    grade            smallint,
    shift            smallint not null,
    language         text,
    age              integer  not null,
    nationality      text     not null,
    study_form       text     not null,
    certificate_kind text     not null,
    distinction      text     not null, -- ALTYN_BELGI, HONOURS, NONE
    next_step        text     not null,
    graduates        bigint   not null check (graduates > 0)
);
create index stat_graduate_snapshot on stat_graduate (snapshot_id, organisation_id);
create trigger stat_graduate_frozen before update or delete on stat_graduate for each row execute function stat_frozen();
