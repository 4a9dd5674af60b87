-- TR-5, TR-13, TR-14, EIS-8: statutory public holidays of Kazakhstan, 2018-2030 (Law "On holidays in the Republic of
-- Kazakhstan"; Labour Code art. 84-85; shared/docs/domain-facts.md). Only the holidays themselves are stored: the rule
-- that a holiday on Saturday or Sunday moves to the next working day is computed in code (WorkingCalendar), honouring
-- moves_off_weekend = false for Orthodox Christmas and the first day of Kurban Ait. Everything here is editable by the
-- ministry in /admin/calendar; the dates of future years are what was known when this migration was written.

insert into public_holiday (holiday_date, name_kk, name_ru, name_en, moves_off_weekend, note)
select make_date(y, h.month, h.day), h.kk, h.ru, h.en, h.moves, h.note
from generate_series(2018, 2030) as y
         cross join (values
    (1, 1, 'Жаңа жыл', 'Новый год', 'New Year', true, null),
    (1, 2, 'Жаңа жыл', 'Новый год', 'New Year', true, null),
    -- a day off, not a state holiday: never moves off a weekend (Labour Code art. 84)
    (1, 7, 'Православиелік Рождество', 'Православное Рождество', 'Orthodox Christmas', false, null),
    (3, 8, 'Халықаралық әйелдер күні', 'Международный женский день', 'International Women''s Day', true, null),
    (3, 21, 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', true, null),
    (3, 22, 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', true, null),
    (3, 23, 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz', true, null),
    (5, 1, 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана',
     'Unity Day of the People of Kazakhstan', true, null),
    (5, 7, 'Отан қорғаушы күні', 'День защитника Отечества', 'Defender of the Fatherland Day', true, null),
    (5, 9, 'Жеңіс күні', 'День Победы', 'Victory Day', true, null),
    (7, 6, 'Астана күні', 'День Столицы', 'Capital Day', true, null),
    (12, 16, 'Тәуелсіздік күні', 'День Независимости', 'Independence Day', true, null)
    ) as h(month, day, kk, ru, en, moves, note);

-- 16-17 December were both Independence Day until 2021; 17 December was dropped from 2022.
insert into public_holiday (holiday_date, name_kk, name_ru, name_en, moves_off_weekend)
select make_date(y, 12, 17), 'Тәуелсіздік күні', 'День Независимости', 'Independence Day', true
from generate_series(2018, 2021) as y;

-- 1 December, First President's Day, was a public holiday from 2012 until it was removed from the law in 2022
-- (not listed in domain-facts.md, which describes the law as it is now; 2018: 1 Dec Saturday -> 3 Dec off,
-- 2019: 1 Dec Sunday -> 2 Dec off, as published on egov.kz for those years).
insert into public_holiday (holiday_date, name_kk, name_ru, name_en, moves_off_weekend, note)
select make_date(y, 12, 1), 'Тұңғыш Президент күні', 'День Первого Президента', 'First President''s Day', true,
       'Public holiday 2012-2021, removed in 2022'
from generate_series(2018, 2021) as y;

-- Republic Day, 25 October: restored as a national holiday in 2022.
insert into public_holiday (holiday_date, name_kk, name_ru, name_en, moves_off_weekend)
select make_date(y, 10, 25), 'Республика күні', 'День Республики', 'Republic Day', true
from generate_series(2022, 2030) as y;

-- Constitution Day: 30 August until 2025. The constitution adopted by the referendum of 15 March 2026 makes the day of
-- its adoption Constitution Day. For 2026 sources disagree: the egov.kz calendar published in January 2026 still showed
-- 30 August (a Sunday, so 31 August off), but after the referendum the Ministry of Labour said (18 March 2026) that
-- 30 August is no longer a holiday and that 15 March is celebrated from 2027. We follow the later, official statement:
-- no Constitution Day in 2026. An administrator can add 2026-08-30 back if a later act says otherwise.
insert into public_holiday (holiday_date, name_kk, name_ru, name_en, moves_off_weekend)
select make_date(y, 8, 30), 'Конституция күні', 'День Конституции', 'Constitution Day', true
from generate_series(2018, 2025) as y;
insert into public_holiday (holiday_date, name_kk, name_ru, name_en, moves_off_weekend)
select make_date(y, 3, 15), 'Конституция күні', 'День Конституции', 'Constitution Day', true
from generate_series(2027, 2030) as y;

-- The first day of Kurban Ait (Eid al-Adha) as observed in Kazakhstan: set each year by the Spiritual Administration of
-- Muslims of Kazakhstan (DUMK) with the Ministry of Labour; it is a day off but never moves off a weekend.
--   2018-08-21 Tue, 2019-08-11 Sun, 2020-07-31 Fri, 2021-07-20 Tue: egov.kz holiday calendars as reported by the press.
--   2022-07-09 Sat, 2023-06-28 Wed: DUMK calendars of those years.
--   2024-06-16 Sun: DUMK moved it from the announced 17 June on 7 June 2024; the Ministry of Labour confirmed that
--                   17 June stayed a working day.
--   2025-06-06 Fri: Ministry of Labour, citing DUMK.
--   2026-05-27 Wed: DUMK calendar for 2026, approved November 2025 (may shift by a day with the new moon).
--   2027-2030: astronomical projections of 10 Dhu al-Hijja, NOT yet announced - check against each year's DUMK calendar.
insert into public_holiday (holiday_date, name_kk, name_ru, name_en, moves_off_weekend, note)
select d::date, 'Құрбан айт', 'Курбан айт', 'Kurban Ait', false, note
from (values
    ('2018-08-21', null),
    ('2019-08-11', null),
    ('2020-07-31', null),
    ('2021-07-20', null),
    ('2022-07-09', null),
    ('2023-06-28', null),
    ('2024-06-16', 'DUMK changed the date from 17 June on 7 June 2024'),
    ('2025-06-06', null),
    ('2026-05-27', 'DUMK calendar of November 2025; may move by one day'),
    ('2027-05-16', 'Projection, not yet announced by DUMK'),
    ('2028-05-05', 'Projection, not yet announced by DUMK'),
    ('2029-04-24', 'Projection, not yet announced by DUMK'),
    ('2030-04-13', 'Projection, not yet announced by DUMK')
    ) as k(d, note);
