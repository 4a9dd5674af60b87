package kz.bilim.demo.internal;

/**
 * Names of children by nationality and sex, every form made once (the Kazakh father-name forms too) so that millions
 * of persons are generated without a new string per name. Kazakh patronymics follow the modern form (Серікұлы / Серікқызы), Russian ones -ович / -овна;
 * some Kazakh children carry the -ұлы / -қызы form as their surname too.
 */
final class People {

    /** Nationalities of the children (a person's nationality is its name), with their share among children of a Kazakh class. */
    enum Nationality {
        KAZAKH, RUSSIAN, UZBEK, UKRAINIAN, UYGHUR, TATAR, GERMAN, KOREAN
    }

    /**
     * The pools of one naming tradition. Where the patronymic is made of the father's name and a suffix
     * ({@code fatherStems} not null), {@code sonForms[i]} and {@code daughterForms[i]} are stem i with the suffix.
     */
    record Pool(String[] maleFirst, String[] femaleFirst, String[] maleLast, String[] femaleLast,
                String[] fatherStems, String sonSuffix, String daughterSuffix,
                String[] malePatronymic, String[] femalePatronymic, String[] sonForms, String[] daughterForms) {

        Pool(String[] maleFirst, String[] femaleFirst, String[] maleLast, String[] femaleLast, String[] fatherStems,
             String sonSuffix, String daughterSuffix, String[] malePatronymic, String[] femalePatronymic) {
            this(maleFirst, femaleFirst, maleLast, femaleLast, fatherStems, sonSuffix, daughterSuffix, malePatronymic,
                    femalePatronymic, forms(fatherStems, sonSuffix), forms(fatherStems, daughterSuffix));
        }

        private static String[] forms(String[] stems, String suffix) {
            if (stems == null) return null;
            String[] out = new String[stems.length];
            for (int i = 0; i < stems.length; i++) out[i] = stems[i] + suffix;
            return out;
        }
    }

    private People() {
    }

    private static String[] names(String... values) {
        return values;
    }

    /** Feminine forms of surnames ending -ов, -ев, -ин (+а); others are the same for both sexes. */
    private static String[] feminine(String[] male) {
        String[] out = new String[male.length];
        for (int i = 0; i < male.length; i++) {
            String m = male[i];
            out[i] = m.endsWith("ов") || m.endsWith("ев") || m.endsWith("ин") || m.endsWith("ёв") ? m + "а"
                    : m.endsWith("ий") ? m.substring(0, m.length() - 2) + "ая" : m;
        }
        return out;
    }

    private static final String[] KAZAKH_FATHERS = {"Серік", "Ерлан", "Қайрат", "Асқар", "Мұрат", "Нұрлан", "Болат",
            "Ержан", "Бауыржан", "Талғат", "Дәурен", "Мақсат", "Ардақ", "Берік", "Жандос", "Ғалым", "Марат", "Ерболат",
            "Асхат", "Данияр", "Арман", "Азамат", "Ерік", "Серғали", "Бақыт", "Нұржан", "Қуаныш", "Ербол", "Самат",
            "Руслан", "Әділет", "Ғани", "Жасұлан", "Мейрам", "Талғат", "Еркін", "Сәкен", "Абай", "Айдос", "Ринат"};

    private static final String[] KAZAKH_SURNAMES = {"Ахметов", "Серікбаев", "Жұмабаев", "Нұрланов", "Қасымов",
            "Сейітов", "Оспанов", "Омаров", "Әбенов", "Бекмұхамедов", "Тоқтаров", "Мұратов", "Сағынтаев", "Ержанов",
            "Байжанов", "Әлиев", "Исаев", "Құрманов", "Сұлтанов", "Бейсенов", "Жақсылықов", "Төлегенов", "Есенов",
            "Мамыров", "Қайратов", "Смағұлов", "Жүнісов", "Ысқақов", "Әбдірахманов", "Тұрсынов", "Кенжебеков",
            "Иманғалиев", "Рахымжанов", "Дүйсенов", "Байтұрсынов", "Нұрпейісов", "Шәкенов", "Әубәкіров", "Елеусізов",
            "Қожахметов", "Мұқанов", "Садықов", "Тәжібаев", "Үсенов", "Ғабдуллин", "Бекетов", "Жаманқұлов", "Ордабаев"};

    static final Pool KAZAKH = new Pool(
            names("Айдос", "Алихан", "Арман", "Арсен", "Ерасыл", "Ернұр", "Әлихан", "Нұрислам", "Бекзат", "Данияр",
                    "Дәулет", "Ерлан", "Жандос", "Азамат", "Асылжан", "Бауыржан", "Ислам", "Қайрат", "Мұхаммед",
                    "Нұрлан", "Олжас", "Санжар", "Темірлан", "Тимур", "Рамазан", "Ерболат", "Абылай", "Ильяс", "Айбек",
                    "Аян", "Райымбек", "Диас", "Әли", "Иса", "Мирас", "Мағжан", "Нұрәли", "Алдияр", "Ақжол", "Бекарыс",
                    "Досжан", "Ерхан", "Жәнібек", "Қасым", "Медет", "Нұрдәулет", "Сұлтан", "Шыңғыс", "Ерназар", "Әмір"),
            names("Айару", "Аружан", "Айша", "Томирис", "Сабина", "Амина", "Дана", "Жанерке", "Әйгерім", "Ақбота",
                    "Айым", "Гүлназ", "Дариға", "Інжу", "Мәдина", "Нұрай", "Еркеназ", "Жансая", "Айгерім", "Мерей",
                    "Аяулым", "Балнұр", "Жасмин", "Айдана", "Әсел", "Назерке", "Камила", "Раяна", "Ақерке", "Маржан",
                    "Аружан", "Зере", "Айсұлу", "Ботагөз", "Гүлнұр", "Дильназ", "Жібек", "Зарина", "Күнсұлу", "Мөлдір",
                    "Нәзіра", "Сымбат", "Тоғжан", "Ұлпан", "Шұғыла", "Әлия", "Айкөркем", "Іңкәр"),
            names(KAZAKH_SURNAMES), names(feminine(KAZAKH_SURNAMES)),
            names(KAZAKH_FATHERS), "ұлы", "қызы",
            null, null);

    private static final String[][] RUSSIAN_FATHERS = {{"Александрович", "Александровна"}, {"Сергеевич", "Сергеевна"},
            {"Андреевич", "Андреевна"}, {"Дмитриевич", "Дмитриевна"}, {"Алексеевич", "Алексеевна"},
            {"Владимирович", "Владимировна"}, {"Николаевич", "Николаевна"}, {"Игоревич", "Игоревна"},
            {"Викторович", "Викторовна"}, {"Олегович", "Олеговна"}, {"Евгеньевич", "Евгеньевна"},
            {"Юрьевич", "Юрьевна"}, {"Михайлович", "Михайловна"}, {"Павлович", "Павловна"}, {"Иванович", "Ивановна"},
            {"Петрович", "Петровна"}, {"Васильевич", "Васильевна"}, {"Геннадьевич", "Геннадьевна"},
            {"Валерьевич", "Валерьевна"}, {"Романович", "Романовна"}, {"Константинович", "Константиновна"}};

    private static final String[] RUSSIAN_MALE = {"Александр", "Дмитрий", "Максим", "Артём", "Иван", "Михаил", "Кирилл",
            "Никита", "Егор", "Андрей", "Даниил", "Илья", "Алексей", "Сергей", "Роман", "Владислав", "Матвей",
            "Тимофей", "Марк", "Лев", "Фёдор", "Георгий", "Арсений", "Степан", "Павел", "Денис", "Глеб", "Ярослав"};
    private static final String[] RUSSIAN_FEMALE = {"Анастасия", "Мария", "Анна", "Дарья", "Полина", "Елизавета",
            "Виктория", "Ксения", "Алина", "Софья", "Екатерина", "Вероника", "Арина", "Валерия", "Ульяна", "Алиса",
            "Милана", "Ева", "Варвара", "Кира", "Таисия", "Василиса", "Диана", "Ангелина"};

    private static Pool russianStyle(String[] surnames) {
        String[] male = new String[RUSSIAN_FATHERS.length];
        String[] female = new String[RUSSIAN_FATHERS.length];
        for (int i = 0; i < male.length; i++) {
            male[i] = RUSSIAN_FATHERS[i][0];
            female[i] = RUSSIAN_FATHERS[i][1];
        }
        return new Pool(names(RUSSIAN_MALE), names(RUSSIAN_FEMALE), names(surnames), names(feminine(surnames)),
                null, null, null, names(male), names(female));
    }

    static final Pool RUSSIAN = russianStyle(new String[]{"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев",
            "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
            "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
            "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев",
            "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов"});
    static final Pool UKRAINIAN = russianStyle(new String[]{"Шевченко", "Бондаренко", "Коваленко", "Ткаченко",
            "Кравченко", "Олейник", "Шевчук", "Полищук", "Мельник", "Бойко", "Коваль", "Савченко",
            "Руденко", "Марченко", "Лысенко", "Петренко"});
    static final Pool GERMAN = russianStyle(new String[]{"Шмидт", "Миллер", "Вагнер", "Шнайдер", "Фишер", "Вебер",
            "Майер", "Беккер", "Гофман", "Шульц", "Кох", "Рихтер", "Браун", "Нойман"});
    static final Pool KOREAN = russianStyle(new String[]{"Ким", "Пак", "Ли", "Цой", "Тен", "Хан", "Югай", "Шин", "Нам",
            "Огай", "Пак", "Де"});

    private static final String[] UZBEK_FATHERS = {"Рустам", "Алишер", "Бахтиёр", "Шухрат", "Улугбек", "Фарход",
            "Отабек", "Равшан", "Жамшид", "Тимур", "Анвар", "Ильхом"};

    private static Pool asianRussianPatronymic(String[] male, String[] female, String[] surnames, String[] fathers) {
        String[] sons = new String[fathers.length];
        String[] daughters = new String[fathers.length];
        for (int i = 0; i < fathers.length; i++) {
            sons[i] = fathers[i] + "ович";
            daughters[i] = fathers[i] + "овна";
        }
        return new Pool(names(male), names(female), names(surnames), names(feminine(surnames)), null, null, null,
                names(sons), names(daughters));
    }

    static final Pool UZBEK = asianRussianPatronymic(
            new String[]{"Азизбек", "Бехруз", "Жасур", "Шохрух", "Нодир", "Исломбек", "Сардор", "Абдулла", "Муслим", "Фаррух"},
            new String[]{"Малика", "Зарина", "Мадина", "Нилуфар", "Шахноза", "Гулноза", "Дилноза", "Севара", "Мохинур", "Сабина"},
            new String[]{"Юсупов", "Рахимов", "Каримов", "Усманов", "Ташпулатов", "Мирзаев", "Исмаилов", "Хасанов", "Абдуллаев", "Турсунов"},
            UZBEK_FATHERS);
    static final Pool UYGHUR = asianRussianPatronymic(
            new String[]{"Ильяр", "Дильмурат", "Арслан", "Мурат", "Ахмаджан", "Шерзат", "Икрам", "Пархат"},
            new String[]{"Дильназ", "Мухаббат", "Гульнара", "Айгуль", "Шахида", "Нурия", "Мадина", "Рузигуль"},
            new String[]{"Абдуллаев", "Масимов", "Юсупов", "Исмаилов", "Розахунов", "Мамутов", "Сабитов", "Кадыров"},
            new String[]{"Мурат", "Ахмет", "Дильшат", "Рустам", "Тахир", "Шавкат"});
    static final Pool TATAR = asianRussianPatronymic(
            new String[]{"Тимур", "Руслан", "Ринат", "Камиль", "Рустем", "Айдар", "Марат", "Ильдар"},
            new String[]{"Алсу", "Диляра", "Гульнара", "Ляйсан", "Эльвира", "Регина", "Айгуль", "Алина"},
            new String[]{"Хабибуллин", "Сафин", "Галиев", "Гарипов", "Ахметшин", "Валиев", "Закиров", "Шарипов", "Хайруллин"},
            new String[]{"Рашит", "Ринат", "Ильдар", "Марат", "Рафаэль", "Фарит"});

    static Pool pool(Nationality nationality) {
        return switch (nationality) {
            case KAZAKH -> KAZAKH;
            case RUSSIAN -> RUSSIAN;
            case UZBEK -> UZBEK;
            case UKRAINIAN -> UKRAINIAN;
            case UYGHUR -> UYGHUR;
            case TATAR -> TATAR;
            case GERMAN -> GERMAN;
            case KOREAN -> KOREAN;
        };
    }

    /** A Kazakh father stem as a surname of the modern form: Серікұлы for a boy, Серікқызы for a girl. */
    static String stemSurname(Rng rng, boolean male) {
        int k = rng.nextInt(KAZAKH.fatherStems().length);
        return male ? KAZAKH.sonForms()[k] : KAZAKH.daughterForms()[k];
    }

    static final String[] FOREIGN_CITIZENSHIPS = {"UZ", "RU", "KG", "TJ", "CN", "TM", "AZ"};
}
