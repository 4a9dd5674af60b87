-- Issue 8: reference data shown to users carries Kazakh and Russian texts. The decrees and notes of the calendar were
-- English only; each now has a Kazakh and a Russian text beside it (the existing column stays the English one). An
-- edit that changes the text clears its translations, so a page never shows a translation of an older text.
alter table day_swap add column decree_kk text, add column decree_ru text, add column note_kk text, add column note_ru text;
alter table public_holiday add column note_kk text, add column note_ru text;
alter table school_holiday_period add column note_kk text, add column note_ru text;

update day_swap s set decree_kk = t.kk, decree_ru = t.ru
from (values
    ('Government decree on transferring days off in 2018',
     'Демалыс күндерін ауыстыру туралы 2018 жылғы Үкімет қаулысы',
     'Постановление Правительства о переносе выходных дней в 2018 году'),
    ('Government decree of 1 November 2019 on transferring days off in 2020',
     '2020 жылы демалыс күндерін ауыстыру туралы 2019 жылғы 1 қарашадағы Үкімет қаулысы',
     'Постановление Правительства от 1 ноября 2019 года о переносе выходных дней в 2020 году'),
    ('Government decree on transferring a day off in 2021',
     '2021 жылы демалыс күнін ауыстыру туралы Үкімет қаулысы',
     'Постановление Правительства о переносе выходного дня в 2021 году'),
    ('Government decree on transferring days off in 2022',
     '2022 жылы демалыс күндерін ауыстыру туралы Үкімет қаулысы',
     'Постановление Правительства о переносе выходных дней в 2022 году'),
    ('Government decree on transferring days off in 2022 (amendment for Republic Day)',
     '2022 жылы демалыс күндерін ауыстыру туралы Үкімет қаулысы (Республика күніне байланысты өзгеріс)',
     'Постановление Правительства о переносе выходных дней в 2022 году (изменение в связи с Днём Республики)'),
    ('Government decree of April 2023 on transferring a day off',
     'Демалыс күнін ауыстыру туралы 2023 жылғы сәуірдегі Үкімет қаулысы',
     'Постановление Правительства от апреля 2023 года о переносе выходного дня'),
    ('Order of the Minister of Labour and Social Protection on transferring a day off in 2024',
     '2024 жылы демалыс күнін ауыстыру туралы Еңбек және халықты әлеуметтік қорғау министрінің бұйрығы',
     'Приказ Министра труда и социальной защиты населения о переносе выходного дня в 2024 году'),
    ('Order of the Minister of Labour and Social Protection of 21.11.2024 No. 436',
     'Еңбек және халықты әлеуметтік қорғау министрінің 2024 жылғы 21 қарашадағы № 436 бұйрығы',
     'Приказ Министра труда и социальной защиты населения от 21.11.2024 № 436')
) as t(en, kk, ru)
where s.decree = t.en;

update day_swap s set note_kk = t.kk, note_ru = t.ru
from (values
    ('Saturday worked for Friday 31 August', '31 тамыз, жұма үшін сенбі — жұмыс күні', 'Рабочая суббота за пятницу 31 августа'),
    ('Saturday worked for Monday 30 April', '30 сәуір, дүйсенбі үшін сенбі — жұмыс күні', 'Рабочая суббота за понедельник 30 апреля'),
    ('Saturday worked, 6-9 May off', 'Сенбі — жұмыс күні, 6–9 мамыр — демалыс', 'Рабочая суббота, 6–9 мая — выходные'),
    ('UNCERTAIN: recalled, no source found', 'РАСТАЛМАҒАН: жадтан алынды, дереккөзі табылмады',
     'НЕ ПОДТВЕРЖДЕНО: по памяти, источник не найден')
) as t(en, kk, ru)
where s.note = t.en;

update public_holiday h set note_kk = t.kk, note_ru = t.ru
from (values
    ('Projection, not yet announced by DUMK', 'Болжам, ҚМДБ әлі жарияламаған', 'Прогноз, ДУМК ещё не объявило'),
    ('DUMK calendar of November 2025; may move by one day', 'ҚМДБ-ның 2025 жылғы қарашадағы күнтізбесі; бір күнге жылжуы мүмкін',
     'Календарь ДУМК от ноября 2025 года; дата может сдвинуться на один день'),
    ('Public holiday 2012-2021, removed in 2022', '2012–2021 жылдары мереке болған, 2022 жылы алынып тасталды',
     'Праздник в 2012–2021 годах, отменён в 2022 году'),
    ('DUMK changed the date from 17 June on 7 June 2024', 'ҚМДБ 2024 жылғы 7 маусымда күнін 17 маусымнан ауыстырды',
     'ДУМК 7 июня 2024 года перенесло дату с 17 июня')
) as t(en, kk, ru)
where h.note = t.en;

update school_holiday_period p set note_kk = t.kk, note_ru = t.ru
from (values
    ('Provisional: replace with the dates of the ministry''s order', 'Алдын ала: министрлік бұйрығындағы күндермен ауыстырылады',
     'Предварительно: будет заменено датами из приказа министерства')
) as t(en, kk, ru)
where p.note = t.en;
