-- TR-1 (used by transfer): school holiday periods of general-education schools, grades 1-11 (12). They are set EACH
-- YEAR by order of the Minister of Education ("on the start and end of the academic year"), so they are data that the
-- ministry enters when the order is published. academic_year is the year the academic year starts (2025 = 2025-2026).
-- grades: 'ALL', or '1' for the extra one-week holiday of the first grade in February.
insert into school_holiday_period (academic_year, name_kk, name_ru, name_en, first_day, last_day, grades, note)
values
    -- 2023-2024: order of the Minister of Education, 2023
    (2023, 'Күзгі каникул', 'Осенние каникулы', 'Autumn holidays', '2023-10-30', '2023-11-05', 'ALL', null),
    (2023, 'Қысқы каникул', 'Зимние каникулы', 'Winter holidays', '2023-12-29', '2024-01-07', 'ALL', null),
    (2023, 'Бірінші сыныптарға қосымша каникул', 'Дополнительные каникулы для первых классов',
     'Extra holidays for the first grade', '2024-02-05', '2024-02-11', '1', null),
    (2023, 'Көктемгі каникул', 'Весенние каникулы', 'Spring holidays', '2024-03-21', '2024-03-31', 'ALL', null),
    -- 2024-2025: order of the Minister of Education, 2024
    (2024, 'Күзгі каникул', 'Осенние каникулы', 'Autumn holidays', '2024-10-28', '2024-11-03', 'ALL', null),
    (2024, 'Қысқы каникул', 'Зимние каникулы', 'Winter holidays', '2024-12-30', '2025-01-08', 'ALL', null),
    (2024, 'Бірінші сыныптарға қосымша каникул', 'Дополнительные каникулы для первых классов',
     'Extra holidays for the first grade', '2025-02-03', '2025-02-09', '1', null),
    (2024, 'Көктемгі каникул', 'Весенние каникулы', 'Spring holidays', '2025-03-21', '2025-03-31', 'ALL', null),
    -- 2025-2026: order of the Minister of Education of 5 August 2025
    (2025, 'Күзгі каникул', 'Осенние каникулы', 'Autumn holidays', '2025-10-27', '2025-11-02', 'ALL', null),
    (2025, 'Қысқы каникул', 'Зимние каникулы', 'Winter holidays', '2025-12-29', '2026-01-07', 'ALL', null),
    (2025, 'Бірінші сыныптарға қосымша каникул', 'Дополнительные каникулы для первых классов',
     'Extra holidays for the first grade', '2026-02-09', '2026-02-15', '1', null),
    (2025, 'Көктемгі каникул', 'Весенние каникулы', 'Spring holidays', '2026-03-19', '2026-03-29', 'ALL', null),
    -- 2026-2027: the order was not published when this was written; PROVISIONAL dates following the pattern of the
    -- previous years (7, 10, 7 and 11 calendar days) - replace them when the ministry's order appears.
    (2026, 'Күзгі каникул', 'Осенние каникулы', 'Autumn holidays', '2026-10-26', '2026-11-01', 'ALL',
     'Provisional: replace with the dates of the ministry''s order'),
    (2026, 'Қысқы каникул', 'Зимние каникулы', 'Winter holidays', '2026-12-29', '2027-01-07', 'ALL',
     'Provisional: replace with the dates of the ministry''s order'),
    (2026, 'Бірінші сыныптарға қосымша каникул', 'Дополнительные каникулы для первых классов',
     'Extra holidays for the first grade', '2027-02-08', '2027-02-14', '1',
     'Provisional: replace with the dates of the ministry''s order'),
    (2026, 'Көктемгі каникул', 'Весенние каникулы', 'Spring holidays', '2027-03-20', '2027-03-30', 'ALL',
     'Provisional: replace with the dates of the ministry''s order');
