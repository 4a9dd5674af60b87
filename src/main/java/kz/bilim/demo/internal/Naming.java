package kz.bilim.demo.internal;

import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.Ownership;
import kz.bilim.demo.internal.Plan.Org;
import kz.bilim.identity.Bin;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Names, numbers and contacts of territories and organisations: numbered schools in towns ("№ 12 жалпы білім
 * беретін мектеп" / "Средняя общеобразовательная школа № 12"), schools named after their village, kindergartens with
 * a name in guillemets, colleges by profile; a valid, unique BIN for each.
 */
final class Naming {

    private static final String[] PRESCHOOL_NAMES = {"Балдырған", "Ақбота", "Айгөлек", "Балапан", "Күншуақ", "Қарлығаш",
            "Бөбек", "Ертегі", "Нұршуақ", "Гүлдер", "Шұғыла", "Болашақ", "Жұлдыз", "Арай", "Еркетай", "Балауса",
            "Айналайын", "Құлыншақ", "Кәусар", "Салтанат", "Көктем", "Таңшолпан", "Ботақан", "Мөлдір", "Жауқазын",
            "Радуга", "Солнышко", "Теремок", "Ромашка", "Колосок", "Алтын бесік", "Ақ көгершін", "Бәйтерек", "Нұрбала"};
    private static final String[] PRIVATE_SCHOOL_NAMES = {"Зерде", "Мирас", "Дарын", "Ұлағат", "Болашақ", "Парасат",
            "Білім-Инновация", "Жас Ұлан", "Ақыл", "Кемел"};
    /** Namesakes of schools: Kazakh form, Russian genitive. */
    private static final String[][] NAMESAKES = {{"Абай", "Абая"}, {"Жамбыл", "Жамбыла"}, {"Мұхтар Әуезов", "Мухтара Ауэзова"},
            {"Ыбырай Алтынсарин", "Ибрая Алтынсарина"}, {"Шоқан Уәлиханов", "Чокана Валиханова"},
            {"Мағжан Жұмабаев", "Магжана Жумабаева"}, {"Сәкен Сейфуллин", "Сакена Сейфуллина"},
            {"Бауыржан Момышұлы", "Бауыржана Момышулы"}, {"Әлия Молдағұлова", "Алии Молдагуловой"},
            {"Мәншүк Мәметова", "Маншук Маметовой"}, {"Ахмет Байтұрсынұлы", "Ахмета Байтурсынулы"},
            {"Құрманғазы", "Курмангазы"}, {"Абылай хан", "Абылай хана"}, {"Қаныш Сәтбаев", "Каныша Сатпаева"},
            {"Ғабит Мүсірепов", "Габита Мусрепова"}, {"Юрий Гагарин", "Юрия Гагарина"}, {"Александр Пушкин", "Александра Пушкина"}};
    private static final String[][] COLLEGE_PROFILES = {{"политехникалық", "Политехнический"},
            {"педагогикалық", "Педагогический"}, {"медициналық", "Медицинский"},
            {"аграрлық-техникалық", "Аграрно-технический"}, {"көпсалалы", "Многопрофильный"},
            {"құрылыс-техникалық", "Строительно-технический"}, {"экономикалық", "Экономический"}};

    private final long seed;
    /** Number sequences per town: schools, special schools, kindergartens, colleges. */
    private final Map<String, int[]> numbers = new HashMap<>();
    private int binSerial;

    Naming(long seed) {
        this.seed = seed;
        this.binSerial = 1 + (int) Math.floorMod(seed, 9000L);
    }

    /** A village, district or rural district name not yet used in {@code used}. */
    String toponym(Rng rng, Set<String> used) {
        for (int attempt = 0; ; attempt++) {
            String name = rng.chance(0.25) ? rng.pick(Geography.WHOLE)
                    : rng.pick(Geography.PREFIXES) + rng.pick(Geography.SUFFIXES);
            if (attempt > 50) name = name + " " + (attempt - 49);
            if (used.add(name)) return name;
        }
    }

    private int next(Org org, int counter) {
        String town = org.locality.cityPrefix ? org.locality.region.code() + org.locality.placeRu : org.locality.kato;
        return ++numbers.computeIfAbsent(town, k -> new int[4])[counter];
    }

    /** Names, ownership, BIN and contacts of an organisation whose kind, locality and languages are decided. */
    void describe(Org org, Rng rng) {
        var locality = org.locality;
        boolean town = locality.cityPrefix || locality.urban;
        String placeKk = locality.placeKk;
        switch (org.kind) {
            case GENERAL_SECONDARY_SCHOOL, BASIC_SCHOOL, PRIMARY_SCHOOL -> school(org, rng, town);
            case SPECIAL_SCHOOL -> {
                int n = next(org, 1);
                org.nameKk = "№ " + n + " арнайы түзету мектебі";
                org.nameRu = "Специальная коррекционная школа № " + n;
            }
            case BOARDING_SCHOOL -> {
                int n = next(org, 1);
                org.nameKk = "№ " + n + " мектеп-интернат";
                org.nameRu = "Школа-интернат № " + n;
            }
            case EVENING_SCHOOL -> {
                int n = next(org, 1);
                org.nameKk = "№ " + n + " кешкі мектеп";
                org.nameRu = "Вечерняя школа № " + n;
            }
            case PRESCHOOL -> preschool(org, rng, town);
            case TVET_COLLEGE -> {
                int n = next(org, 3);
                String[] profile = COLLEGE_PROFILES[(n - 1) % COLLEGE_PROFILES.length];
                String number = n > COLLEGE_PROFILES.length ? "№ " + n + " " : "";
                org.nameKk = number + placeKk + " " + profile[0] + " колледжі";
                org.nameRu = profile[1] + " колледж " + (number.isEmpty() ? "" : number) + "г. " + locality.placeRu;
                org.ownership = rng.chance(0.4) ? Ownership.PRIVATE : Ownership.STATE;
            }
        }
        org.bin = bin(org, rng);
        contacts(org, rng, town);
    }

    private void school(Org org, Rng rng, boolean town) {
        var locality = org.locality;
        String type = switch (org.kind) {
            case PRIMARY_SCHOOL -> "бастауыш мектеп";
            case BASIC_SCHOOL -> "негізгі орта мектеп";
            default -> "жалпы білім беретін мектеп";
        };
        String typeRu = switch (org.kind) {
            case PRIMARY_SCHOOL -> "Начальная школа";
            case BASIC_SCHOOL -> "Основная средняя школа";
            default -> "Средняя общеобразовательная школа";
        };
        if (town) {
            if (org.kind == OrganisationKind.GENERAL_SECONDARY_SCHOOL && rng.chance(0.04)) {
                String brand = rng.pick(PRIVATE_SCHOOL_NAMES);
                org.ownership = Ownership.PRIVATE;
                org.nameKk = "«" + brand + "» жекеменшік мектебі";
                org.nameRu = "Частная школа «" + brand + "»";
                return;
            }
            int n = next(org, 0);
            double style = rng.nextDouble();
            if (org.kind == OrganisationKind.GENERAL_SECONDARY_SCHOOL && style < 0.06) {
                org.nameKk = "№ " + n + " мектеп-гимназия";
                org.nameRu = "Школа-гимназия № " + n;
            } else if (org.kind == OrganisationKind.GENERAL_SECONDARY_SCHOOL && style < 0.10) {
                org.nameKk = "№ " + n + " мектеп-лицей";
                org.nameRu = "Школа-лицей № " + n;
            } else if (style < 0.25) {
                String[] namesake = rng.pick(NAMESAKES);
                org.nameKk = namesake[0] + " атындағы № " + n + " " + type;
                org.nameRu = typeRu + " № " + n + " имени " + namesake[1];
            } else {
                org.nameKk = "№ " + n + " " + type;
                org.nameRu = typeRu + " № " + n;
            }
        } else {
            int n = next(org, 0);
            String number = n > 1 ? " № " + n : "";
            String village = villageKk(org);
            org.nameKk = village + number + " " + type.substring(0, type.length() - "мектеп".length()) + "мектебі";
            org.nameRu = typeRu + number + " села " + locality.placeRu;
        }
    }

    /** The village's Kazakh name: the territory's name without "ауылы". */
    private static String villageKk(Org org) {
        return org.locality.kazakhPlace();
    }

    private void preschool(Org org, Rng rng, boolean town) {
        String name = rng.pick(PRESCHOOL_NAMES);
        int kids = org.pupils();
        org.ownership = rng.chance(town ? 0.45 : 0.15) ? Ownership.PRIVATE : Ownership.STATE;
        if (!town && kids < 40) {
            org.nameKk = "«" + name + "» шағын орталығы";
            org.nameRu = "Мини-центр «" + name + "»";
        } else if (town) {
            int n = next(org, 2);
            boolean nursery = rng.chance(0.6);
            org.nameKk = "№ " + n + " «" + name + "» " + (nursery ? "бөбекжайы" : "балабақшасы");
            org.nameRu = (nursery ? "Ясли-сад № " : "Детский сад № ") + n + " «" + name + "»";
        } else {
            org.nameKk = "«" + name + "» бөбекжайы";
            org.nameRu = "Ясли-сад «" + name + "»";
        }
    }

    private Bin bin(Org org, Rng rng) {
        YearMonth registered = org.ownership == Ownership.PRIVATE
                ? YearMonth.of(rng.between(2005, 2024), rng.between(1, 12))
                : YearMonth.of(rng.between(1999, 2015), rng.between(1, 12));
        while (true) {
            Bin bin = Bin.compose(registered, Bin.EntityType.RESIDENT, Bin.Attribute.HEAD_OFFICE, binSerial++);
            if (binSerial > 99_999) throw new IllegalStateException("BIN serials exhausted");
            if (bin != null) return bin;
        }
    }

    private void contacts(Org org, Rng rng, boolean town) {
        var locality = org.locality;
        var region = locality.region;
        String local = region.phoneCode().length() >= 5
                ? String.format("%d-%02d-%02d", rng.between(2, 9), rng.nextInt(100), rng.nextInt(100))
                : String.format("%02d-%02d-%02d", rng.between(20, 99), rng.nextInt(100), rng.nextInt(100));
        org.phone = "+7 (" + region.phoneCode() + ") " + local;
        String postal = region.postal().substring(0, 3) + String.format("%03d", rng.nextInt(1000));
        String street = rng.pick(Geography.STREETS_RU) + ", " + rng.between(1, 120);
        String prefix = locality.cityPrefix ? "г. " : locality.urban ? "п. " : "с. ";
        org.postalAddress = postal + ", " + prefix + locality.placeRu + ", " + street;
        String slug = switch (org.kind) {
            case PRESCHOOL -> "bala";
            case TVET_COLLEGE -> "college";
            default -> "school";
        };
        org.email = slug + org.index + "@" + locality.placeLatin + ".edu.kz";
        org.website = town && rng.chance(0.5) ? "https://" + slug + org.index + "." + locality.placeLatin + ".edu.kz" : null;
    }
}
