-- TR-1, TR-12 (used by transfer): the summer school holidays, the main transfer window, for every summer the calendar
-- covers (2018-2030). The minister's yearly order sets the end of the academic year - 25 May in every year but
-- 2022-2023, which ran to 31 May - and the next one starts on 1 September, so the summer holidays run from the day
-- after the last day of lessons to 31 August. academic_year is the year the ending academic year started (the summer
-- of 2026 closes 2025-2026). Grades 9 and 11 sit their final examinations in June; the period is the holidays of the
-- school, for all grades. Summers from 2027 on are PROVISIONAL until the ministry's orders appear.
insert into school_holiday_period (academic_year, name_kk, name_ru, name_en, first_day, last_day, grades, note)
values
    (2017, 'Жазғы каникул', 'Летние каникулы', 'Summer holidays', '2018-05-26', '2018-08-31', 'ALL', null),
    (2018, 'Жазғы каникул', 'Летние каникулы', 'Summer holidays', '2019-05-26', '2019-08-31', 'ALL', null),
    (2019, 'Жазғы каникул', 'Летние каникулы', 'Summer holidays', '2020-05-26', '2020-08-31', 'ALL', null),
    (2020, 'Жазғы каникул', 'Летние каникулы', 'Summer holidays', '2021-05-26', '2021-08-31', 'ALL', null),
    (2021, 'Жазғы каникул', 'Летние каникулы', 'Summer holidays', '2022-05-26', '2022-08-31', 'ALL', null),
    (2022, 'Жазғы каникул', 'Летние каникулы', 'Summer holidays', '2023-06-01', '2023-08-31', 'ALL', 'The 2022-2023 academic year ran 36 weeks, to 31 May 2023 (order of the Minister of Enlightenment, 2022)'),
    (2023, 'Жазғы каникул', 'Летние каникулы', 'Summer holidays', '2024-05-26', '2024-08-31', 'ALL', null),
    (2024, 'Жазғы каникул', 'Летние каникулы', 'Summer holidays', '2025-05-26', '2025-08-31', 'ALL', null),
    (2025, 'Жазғы каникул', 'Летние каникулы', 'Summer holidays', '2026-05-26', '2026-08-31', 'ALL', null),
    (2026, 'Жазғы каникул', 'Летние каникулы', 'Summer holidays', '2027-05-26', '2027-08-31', 'ALL', 'Provisional: replace with the dates of the ministry''s order'),
    (2027, 'Жазғы каникул', 'Летние каникулы', 'Summer holidays', '2028-05-26', '2028-08-31', 'ALL', 'Provisional: replace with the dates of the ministry''s order'),
    (2028, 'Жазғы каникул', 'Летние каникулы', 'Summer holidays', '2029-05-26', '2029-08-31', 'ALL', 'Provisional: replace with the dates of the ministry''s order'),
    (2029, 'Жазғы каникул', 'Летние каникулы', 'Summer holidays', '2030-05-26', '2030-08-31', 'ALL', 'Provisional: replace with the dates of the ministry''s order');
