package kz.bilim.collection;

import kz.bilim.collection.FormDefinition.Field;
import kz.bilim.collection.FormDefinition.FieldType;
import kz.bilim.collection.FormDefinition.Registry;
import kz.bilim.collection.FormDefinition.Row;
import kz.bilim.organisation.OrganisationKind;

import java.math.BigDecimal;
import java.util.List;

/**
 * The annual school passport (EIS-4): what every school reports once a year that no registry holds — computers used
 * for teaching and those with internet access, the school camp and its places, buildings and those in emergency
 * state, design places, classes with deep study of subjects — beside pupils, classes and pedagogues pre-filled from
 * the registries. Its code and field codes are the contract the statistics indicators read through
 * {@link CollectedValues}.
 */
public final class SchoolPassport {

    public static final String CODE = "SCHOOL-PASSPORT";
    public static final String PUPILS = "pupils";
    public static final String CLASSES = "classes";
    public static final String PEDAGOGUES = "pedagogues";
    public static final String PLACES = "places";
    public static final String COMPUTERS = "computers";
    public static final String COMPUTERS_INTERNET = "computers_internet";
    public static final String CAMP = "camp";
    public static final String CAMP_PLACES = "camp_places";
    public static final String BUILDINGS = "buildings";
    public static final String BUILDINGS_EMERGENCY = "buildings_emergency";
    public static final String DEEP_STUDY = "deep_study";
    /**
     * yes/no: the school as a whole is specialised in deep study of subjects (a specialised school, gymnasium or
     * lyceum by its charter) — indicator 6, beside the classes of {@link #DEEP_STUDY} (indicator 5). The school's own
     * word: the organisation registry holds no profile.
     */
    public static final String DEEP_STUDY_PROFILE = "deep_study_profile";
    /** The rows of {@link #DEEP_STUDY}: classes with deep study of these subjects. */
    public static final List<String> DEEP_STUDY_ROWS = List.of("MATH", "SCIENCE", "LANGUAGES", "IT");

    public static final List<OrganisationKind> APPLIES_TO = List.of(OrganisationKind.PRIMARY_SCHOOL,
            OrganisationKind.BASIC_SCHOOL, OrganisationKind.GENERAL_SECONDARY_SCHOOL, OrganisationKind.SPECIAL_SCHOOL,
            OrganisationKind.BOARDING_SCHOOL, OrganisationKind.EVENING_SCHOOL);

    private SchoolPassport() {
    }

    public static Texts name() {
        return new Texts("Мектеп паспорты", "Паспорт школы", "School passport");
    }

    public static FormDefinition definition() {
        BigDecimal zero = BigDecimal.ZERO;
        return new FormDefinition(List.of(
                new FormDefinition.Section("contingent", new Texts("Контингент", "Контингент", "Pupils and staff"), List.of(
                        number(PUPILS, new Texts("Білім алушылар саны", "Число обучающихся", "Pupils"), true, Registry.PUPILS),
                        number(CLASSES, new Texts("Сынып-жинақтар саны", "Число классов-комплектов", "Classes"), true, Registry.CLASSES),
                        number(PEDAGOGUES, new Texts("Педагогтер саны", "Число педагогов", "Pedagogues"), true, Registry.PEDAGOGUES),
                        number(PLACES, new Texts("Жобалық орын саны", "Проектная мощность (мест)", "Design places"), true, null))),
                new FormDefinition.Section("equipment", new Texts("Жабдықталуы", "Оснащённость", "Equipment"), List.of(
                        number(COMPUTERS, new Texts("Оқу процесінде пайдаланылатын компьютерлер", "Компьютеры, используемые в учебном процессе", "Computers used for teaching"), true, null),
                        number(COMPUTERS_INTERNET, new Texts("Оның ішінде интернетке қосылғандары", "Из них подключённые к интернету", "Of them with internet access"), true, null))),
                new FormDefinition.Section("buildings", new Texts("Ғимараттар және лагерь", "Здания и лагерь", "Buildings and camp"), List.of(
                        number(BUILDINGS, new Texts("Ғимараттар саны", "Число зданий", "Buildings"), true, null),
                        number(BUILDINGS_EMERGENCY, new Texts("Оның ішінде апатты жағдайдағы", "Из них в аварийном состоянии", "Of them in emergency state"), true, null),
                        new Field(CAMP, FieldType.CHOICE, new Texts("Мектеп жанындағы лагерь", "Пришкольный лагерь", "School camp"),
                                true, null, null, false, List.of("yes", "no"), null, null, null, null),
                        number(CAMP_PLACES, new Texts("Лагерьдегі орындар", "Мест в лагере", "Camp places"), false, null))),
                new FormDefinition.Section("deep", new Texts("Тереңдетіп оқыту", "Углублённое изучение", "Deep study"), List.of(
                        new Field(DEEP_STUDY_PROFILE, FieldType.CHOICE, new Texts("Пәндерді тереңдете оқытатын мектеп (жарғысы бойынша)",
                                "Школа с углублённым изучением предметов (по уставу)", "School specialised in deep study (by its charter)"),
                                false, null, null, false, List.of("yes", "no"), null, null, null, null),
                        new Field(DEEP_STUDY, FieldType.TABLE, new Texts("Пәндерді тереңдетіп оқытатын сыныптар", "Классы с углублённым изучением предметов", "Classes with deep study of subjects"),
                                false, zero, null, true, null, List.of(
                                new Row("MATH", new Texts("Математика", "Математика", "Mathematics")),
                                new Row("SCIENCE", new Texts("Жаратылыстану", "Естественные науки", "Natural sciences")),
                                new Row("LANGUAGES", new Texts("Тілдер", "Языки", "Languages")),
                                new Row("IT", new Texts("Информатика", "Информатика", "Computer science"))), null, null, null)))),
                List.of(new FormDefinition.Rule("internet-within-computers", COMPUTERS_INTERNET, FormDefinition.Comparison.LE, COMPUTERS, null),
                        new FormDefinition.Rule("emergency-within-buildings", BUILDINGS_EMERGENCY, FormDefinition.Comparison.LE, BUILDINGS, null)));
    }

    private static Field number(String code, Texts label, boolean required, Registry registry) {
        return new Field(code, FieldType.NUMBER, label, required, BigDecimal.ZERO, null, true, null, null, null, registry,
                registry == null ? null : new BigDecimal("2"));
    }
}
