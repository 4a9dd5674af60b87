-- TR-5, TR-13, TR-14, EIS-8: the working-day calendar as data that the ministry edits.
create table public_holiday
(
    id           bigint generated always as identity primary key,
    holiday_date date    not null unique,
    name_kk      text    not null,
    name_ru      text    not null,
    name_en      text    not null,
    -- a holiday on Saturday or Sunday moves to the next working day, except Orthodox Christmas and Kurban Ait
    moves_off_weekend boolean not null default true
);

-- the government's yearly decree: a working day made a day off, or a day off made a working day
create table day_swap
(
    id         bigint generated always as identity primary key,
    swap_date  date    not null unique,
    working    boolean not null,
    decree     text    not null,
    note       text
);

create table school_holiday_period
(
    id            bigint generated always as identity primary key,
    academic_year smallint not null check (academic_year between 2000 and 2100),
    name_kk       text     not null,
    name_ru       text     not null,
    name_en       text     not null,
    first_day     date     not null,
    last_day      date     not null,
    grades        text     not null default 'ALL', -- 'ALL' or e.g. '1' for the extra first-grade holiday
    check (last_day >= first_day)
);
