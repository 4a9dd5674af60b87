package kz.bilim.demo.internal;

import java.util.List;

/**
 * What the generator knows about the 20 real top-level territories (V8): their share of the country's children,
 * how urban they are, the languages and nationalities of their people, their centre and other cities, and the parts
 * from which plausible names of districts and villages are built. Approximations from public statistics — good
 * enough for demo data, not facts for any report.
 */
final class Geography {

    private Geography() {
    }

    /** A city: its names in Kazakh and Russian and a Latin form for e-mail and web addresses. */
    record City(String kk, String ru, String latin) {
    }

    /**
     * A top-level territory. {@code cityDistricts} is set for the three cities of republican significance, whose
     * districts are the localities; a region has city administrations (the first is its centre) and rural districts.
     */
    record Region(String code, double childWeight, double urbanShare, double russianShare, double uzbekShare,
                  List<City> cities, int ruralDistricts, List<City> cityDistricts, String phoneCode, String postal) {

        boolean isCity() {
            return cityDistricts != null;
        }

        City centre() {
            return cities.get(0);
        }
    }

    private static City c(String kk, String ru, String latin) {
        return new City(kk, ru, latin);
    }

    static final List<Region> REGIONS = List.of(
            new Region("10", 3.0, 0.55, 0.20, 0.00, List.of(c("Семей", "Семей", "semey"), c("Курчатов", "Курчатов", "kurchatov")), 10, null, "7222", "071400"),
            new Region("11", 3.2, 0.45, 0.35, 0.00, List.of(c("Көкшетау", "Кокшетау", "kokshetau"), c("Степногорск", "Степногорск", "stepnogorsk")), 17, null, "7162", "020000"),
            new Region("15", 5.0, 0.60, 0.10, 0.00, List.of(c("Ақтөбе", "Актобе", "aktobe")), 12, null, "7132", "030000"),
            new Region("19", 7.5, 0.30, 0.15, 0.01, List.of(c("Қонаев", "Конаев", "konaev"), c("Алатау", "Алатау", "alatau")), 9, null, "72772", "040800"),
            new Region("23", 4.0, 0.50, 0.05, 0.00, List.of(c("Атырау", "Атырау", "atyrau")), 7, null, "7122", "060000"),
            new Region("27", 3.3, 0.45, 0.20, 0.00, List.of(c("Орал", "Уральск", "oral")), 12, null, "7112", "090000"),
            new Region("31", 6.0, 0.40, 0.10, 0.01, List.of(c("Тараз", "Тараз", "taraz")), 10, null, "7262", "080000"),
            new Region("33", 3.6, 0.40, 0.12, 0.00, List.of(c("Талдықорған", "Талдыкорган", "taldykorgan"), c("Текелі", "Текели", "tekeli")), 8, null, "7282", "040000"),
            new Region("35", 5.0, 0.80, 0.35, 0.00, List.of(c("Қарағанды", "Караганда", "karaganda"), c("Теміртау", "Темиртау", "temirtau"), c("Балқаш", "Балхаш", "balkhash"), c("Саран", "Сарань", "saran"), c("Шахтинск", "Шахтинск", "shakhtinsk")), 7, null, "7212", "100000"),
            new Region("39", 3.2, 0.55, 0.40, 0.00, List.of(c("Қостанай", "Костанай", "kostanay"), c("Рудный", "Рудный", "rudny"), c("Лисаков", "Лисаковск", "lisakovsk"), c("Арқалық", "Аркалык", "arkalyk")), 16, null, "7142", "110000"),
            new Region("43", 5.0, 0.45, 0.03, 0.00, List.of(c("Қызылорда", "Кызылорда", "kyzylorda")), 7, null, "7242", "120000"),
            new Region("47", 5.0, 0.45, 0.05, 0.00, List.of(c("Ақтау", "Актау", "aktau"), c("Жаңаөзен", "Жанаозен", "zhanaozen")), 5, null, "7292", "130000"),
            new Region("55", 3.2, 0.70, 0.40, 0.00, List.of(c("Павлодар", "Павлодар", "pavlodar"), c("Екібастұз", "Экибастуз", "ekibastuz"), c("Ақсу", "Аксу", "aksu")), 10, null, "7182", "140000"),
            new Region("59", 2.0, 0.45, 0.45, 0.00, List.of(c("Петропавл", "Петропавловск", "petropavl")), 13, null, "7152", "150000"),
            new Region("61", 12.0, 0.20, 0.02, 0.12, List.of(c("Түркістан", "Туркестан", "turkistan"), c("Кентау", "Кентау", "kentau"), c("Арыс", "Арыс", "arys")), 14, null, "72533", "161200"),
            new Region("62", 1.0, 0.75, 0.20, 0.00, List.of(c("Жезқазған", "Жезказган", "zhezkazgan"), c("Сәтбаев", "Сатпаев", "satpayev"), c("Қаражал", "Каражал", "karazhal")), 3, null, "7102", "100600"),
            new Region("63", 3.5, 0.65, 0.40, 0.00, List.of(c("Өскемен", "Усть-Каменогорск", "oskemen"), c("Риддер", "Риддер", "ridder")), 9, null, "7232", "070000"),
            new Region("71", 7.5, 1.0, 0.25, 0.00, List.of(c("Астана", "Астана", "astana")), 0,
                    List.of(c("Алматы", "Алматы", "almaty"), c("Байқоңыр", "Байконур", "baikonur"), c("Есіл", "Есиль", "esil"),
                            c("Сарыарқа", "Сарыарка", "saryarka"), c("Нұра", "Нура", "nura")), "7172", "010000"),
            new Region("75", 9.5, 1.0, 0.30, 0.01, List.of(c("Алматы", "Алматы", "almaty")), 0,
                    List.of(c("Алатау", "Алатау", "alatau"), c("Алмалы", "Алмалы", "almaly"), c("Әуезов", "Ауэзов", "auezov"),
                            c("Бостандық", "Бостандык", "bostandyk"), c("Жетісу", "Жетысу", "zhetysu"), c("Медеу", "Медеу", "medeu"),
                            c("Наурызбай", "Наурызбай", "nauryzbay"), c("Түрксіб", "Турксиб", "turksib")), "727", "050000"),
            new Region("79", 7.5, 1.0, 0.08, 0.15, List.of(c("Шымкент", "Шымкент", "shymkent")), 0,
                    List.of(c("Абай", "Абай", "abay"), c("Әл-Фараби", "Аль-Фараби", "alfarabi"), c("Еңбекші", "Енбекши", "enbekshi"),
                            c("Қаратау", "Каратау", "karatau"), c("Тұран", "Туран", "turan")), "7252", "160000"));

    static Region region(String code) {
        return REGIONS.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such region " + code));
    }

    /** First parts of toponyms: colours, sizes, "new", "old"… */
    static final String[] PREFIXES = {"Ақ", "Қара", "Сары", "Көк", "Жаңа", "Ескі", "Ұлы", "Кіші", "Тас", "Қызыл",
            "Алтын", "Бес", "Үш", "Жалпақ", "Қоңыр", "Ащы", "Тұщы", "Шұбар", "Ортақ", "Бай"};
    /** Second parts: water, hills, springs, trees, wells, steppe. */
    static final String[] SUFFIXES = {"су", "көл", "тау", "бұлақ", "төбе", "жар", "қайың", "терек", "арық", "өзек",
            "құдық", "шоқы", "дала", "сай", "ағаш", "қамыс", "үйек", "кент", "қоға", "тал"};
    /** Whole names of the kind many villages carry. */
    static final String[] WHOLE = {"Бірлік", "Достық", "Жеңіс", "Береке", "Ынтымақ", "Шұғыла", "Самал", "Талап",
            "Жайылма", "Таңжарық", "Көктем", "Бостандық", "Еңбек", "Ақниет", "Әйтеке би", "Төле би", "Қазыбек би",
            "Жамбыл", "Абай", "Шоқан", "Амангелді", "Қабанбай", "Бөгенбай", "Райымбек", "Ескелді", "Байзақ", "Саудакент",
            "Бауыржан", "Мағжан", "Сәкен"};

    private static final String[][] LATIN = {
            {"а", "a"}, {"ә", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"ғ", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"},
            {"ж", "zh"}, {"з", "z"}, {"и", "i"}, {"й", "i"}, {"к", "k"}, {"қ", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"},
            {"ң", "n"}, {"о", "o"}, {"ө", "o"}, {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ұ", "u"},
            {"ү", "u"}, {"ф", "f"}, {"х", "kh"}, {"һ", "h"}, {"ц", "ts"}, {"ч", "ch"}, {"ш", "sh"}, {"щ", "sch"},
            {"ъ", ""}, {"ы", "y"}, {"і", "i"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"}, {"я", "ya"}};

    /** The Russian spelling of a Kazakh name: the letters Russian lacks become their nearest Russian ones. */
    static String russian(String kazakh) {
        StringBuilder sb = new StringBuilder(kazakh.length());
        for (char ch : kazakh.toCharArray()) {
            sb.append(switch (ch) {
                case 'ә' -> 'а'; case 'Ә' -> 'А';
                case 'ғ' -> 'г'; case 'Ғ' -> 'Г';
                case 'қ' -> 'к'; case 'Қ' -> 'К';
                case 'ң' -> 'н'; case 'Ң' -> 'Н';
                case 'ө' -> 'о'; case 'Ө' -> 'О';
                case 'ұ', 'ү' -> 'у'; case 'Ұ', 'Ү' -> 'У';
                case 'һ' -> 'х'; case 'Һ' -> 'Х';
                case 'і' -> 'и'; case 'І' -> 'И';
                default -> ch;
            });
        }
        return sb.toString();
    }

    /** A lower-case ASCII form for e-mail and web addresses. */
    static String latin(String cyrillic) {
        StringBuilder sb = new StringBuilder();
        for (char ch : cyrillic.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            String s = null;
            for (String[] pair : LATIN) if (pair[0].charAt(0) == ch) s = pair[1];
            if (s != null) sb.append(s);
            else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) sb.append(ch);
        }
        return sb.toString();
    }

    static final String[] STREETS_RU = {"ул. Абая", "ул. Жамбыла", "ул. Сейфуллина", "ул. Ауэзова", "ул. Валиханова",
            "ул. Байтурсынулы", "ул. Момышулы", "ул. Гагарина", "ул. Пушкина", "ул. Тауелсиздик", "пр. Достык",
            "ул. Бейбитшилик", "ул. Школьная", "ул. Мектеп", "ул. Жибек жолы", "ул. Толе би", "пр. Абылай хана",
            "ул. Кунаева", "ул. Алтынсарина", "мкр. Самал", "мкр. Шугыла", "ул. Молодёжная", "ул. Центральная"};
}
