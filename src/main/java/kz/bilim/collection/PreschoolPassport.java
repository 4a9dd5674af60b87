package kz.bilim.collection;

import kz.bilim.collection.FormDefinition.Field;
import kz.bilim.collection.FormDefinition.FieldType;
import kz.bilim.collection.FormDefinition.Registry;
import kz.bilim.organisation.OrganisationKind;

import java.math.BigDecimal;
import java.util.List;

/**
 * The annual passport of a preschool organisation (EIS-4), the preschool twin of {@link SchoolPassport}: what no
 * registry holds — the design places, the buildings and those in emergency state, the organisation's type
 * (kindergarten, mini-centre, special preschool for children with special needs) — beside the children and
 * pedagogues pre-filled from the registries. Its code and field codes are the contract the statistics indicators
 * (35, 36, 44) read through {@link CollectedValues}.
 */
public final class PreschoolPassport {

    public static final String CODE = "PRESCHOOL-PASSPORT";
    public static final String CHILDREN = "children";
    public static final String GROUPS = "groups";
    public static final String PEDAGOGUES = "pedagogues";
    public static final String PLACES = "places";
    public static final String BUILDINGS = "buildings";
    public static final String BUILDINGS_EMERGENCY = "buildings_emergency";
    public static final String TYPE = "preschool_type";
    /** The options of {@link #TYPE}. */
    public static final String KINDERGARTEN = "KINDERGARTEN", MINI_CENTRE = "MINI_CENTRE", SPECIAL = "SPECIAL";

    public static final List<OrganisationKind> APPLIES_TO = List.of(OrganisationKind.PRESCHOOL);

    private PreschoolPassport() {
    }

    public static Texts name() {
        return new Texts("Мектепке дейінгі ұйымның паспорты", "Паспорт дошкольной организации",
                "Preschool organisation passport");
    }

    public static FormDefinition definition() {
        return new FormDefinition(List.of(
                new FormDefinition.Section("contingent", new Texts("Контингент", "Контингент", "Children and staff"), List.of(
                        number(CHILDREN, new Texts("Балалар саны", "Число детей", "Children"), true, Registry.PUPILS),
                        number(GROUPS, new Texts("Топтар саны", "Число групп", "Groups"), true, null),
                        number(PEDAGOGUES, new Texts("Педагогтер саны", "Число педагогов", "Pedagogues"), true, Registry.PEDAGOGUES),
                        number(PLACES, new Texts("Жобалық орын саны", "Проектная мощность (мест)", "Design places"), true, null))),
                new FormDefinition.Section("type", new Texts("Ұйымның түрі", "Тип организации", "Type of organisation"), List.of(
                        new Field(TYPE, FieldType.CHOICE, new Texts("Мектепке дейінгі ұйымның түрі", "Тип дошкольной организации",
                                "Type of preschool organisation"), true, null, null, false,
                                List.of(KINDERGARTEN, MINI_CENTRE, SPECIAL), null, null, null, null))),
                new FormDefinition.Section("buildings", new Texts("Ғимараттар", "Здания", "Buildings"), List.of(
                        number(BUILDINGS, new Texts("Ғимараттар саны", "Число зданий", "Buildings"), true, null),
                        number(BUILDINGS_EMERGENCY, new Texts("Оның ішінде апатты жағдайдағы", "Из них в аварийном состоянии",
                                "Of them in emergency state"), true, null)))),
                List.of(new FormDefinition.Rule("emergency-within-buildings", BUILDINGS_EMERGENCY,
                        FormDefinition.Comparison.LE, BUILDINGS, null)));
    }

    private static Field number(String code, Texts label, boolean required, Registry registry) {
        return new Field(code, FieldType.NUMBER, label, required, BigDecimal.ZERO, null, true, null, null, null, registry,
                registry == null ? null : new BigDecimal("2"));
    }
}
