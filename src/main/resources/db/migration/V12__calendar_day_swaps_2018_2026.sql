-- TR-5, TR-13, TR-14, EIS-8: the yearly transfers of days off decided by the government (Labour Code art. 85 p.3;
-- since 2024 by order of the Minister of Labour and Social Protection). Each transfer is two rows: the day that becomes
-- a working day and the day that becomes a day off. They override every other rule of the calendar. Facts established
-- from the published acts or the press reports quoting them; uncertain ones are marked. Years not listed had no transfer
-- that we could establish (2019, 2026 at the time of writing).
insert into day_swap (swap_date, working, decree, note)
values
    -- 2018: Government decree "On transferring days off in 2018"
    ('2018-03-03', true, 'Government decree on transferring days off in 2018', 'UNCERTAIN: recalled, no source found'),
    ('2018-03-09', false, 'Government decree on transferring days off in 2018', 'UNCERTAIN: recalled, no source found'),
    ('2018-04-28', true, 'Government decree on transferring days off in 2018', 'Saturday worked for Monday 30 April'),
    ('2018-04-30', false, 'Government decree on transferring days off in 2018', null),
    ('2018-05-05', true, 'Government decree on transferring days off in 2018', 'Saturday worked, 6-9 May off'),
    ('2018-05-08', false, 'Government decree on transferring days off in 2018', null),
    ('2018-08-25', true, 'Government decree on transferring days off in 2018', 'Saturday worked for Friday 31 August'),
    ('2018-08-31', false, 'Government decree on transferring days off in 2018', null),
    ('2018-12-29', true, 'Government decree on transferring days off in 2018', 'UNCERTAIN: recalled, no source found'),
    ('2018-12-31', false, 'Government decree on transferring days off in 2018', 'UNCERTAIN: recalled, no source found'),
    -- 2020: Government decree of 1 November 2019 "On transferring days off in 2020"
    ('2020-01-05', true, 'Government decree of 1 November 2019 on transferring days off in 2020', null),
    ('2020-01-03', false, 'Government decree of 1 November 2019 on transferring days off in 2020', null),
    -- 11 May was the Monday that Victory Day (Saturday 9 May) moved to; the decree moved it again, to Friday 8 May
    ('2020-05-11', true, 'Government decree of 1 November 2019 on transferring days off in 2020', null),
    ('2020-05-08', false, 'Government decree of 1 November 2019 on transferring days off in 2020', null),
    ('2020-12-20', true, 'Government decree of 1 November 2019 on transferring days off in 2020', null),
    ('2020-12-18', false, 'Government decree of 1 November 2019 on transferring days off in 2020', null),
    -- 2021: Government decree on transferring a day off in 2021 (Capital Day)
    ('2021-07-03', true, 'Government decree on transferring a day off in 2021', null),
    ('2021-07-05', false, 'Government decree on transferring a day off in 2021', null),
    -- 2022: Government decree "On transferring days off in 2022", amended for the new Republic Day
    ('2022-03-05', true, 'Government decree on transferring days off in 2022', null),
    ('2022-03-07', false, 'Government decree on transferring days off in 2022', null),
    ('2022-10-22', true, 'Government decree on transferring days off in 2022 (amendment for Republic Day)', null),
    ('2022-10-24', false, 'Government decree on transferring days off in 2022 (amendment for Republic Day)', null),
    -- 2023: Government decree of April 2023 (Capital Day, Astana's 25th anniversary)
    ('2023-07-01', true, 'Government decree of April 2023 on transferring a day off', null),
    ('2023-07-07', false, 'Government decree of April 2023 on transferring a day off', null),
    -- 2024: order of the Minister of Labour and Social Protection (draft published on "Open NPA" in April 2024)
    ('2024-05-04', true, 'Order of the Minister of Labour and Social Protection on transferring a day off in 2024', null),
    ('2024-05-08', false, 'Order of the Minister of Labour and Social Protection on transferring a day off in 2024', null),
    -- 2025: order of the Minister of Labour and Social Protection of 21 November 2024 No. 436
    ('2025-01-05', true, 'Order of the Minister of Labour and Social Protection of 21.11.2024 No. 436', null),
    ('2025-01-03', false, 'Order of the Minister of Labour and Social Protection of 21.11.2024 No. 436', null);
