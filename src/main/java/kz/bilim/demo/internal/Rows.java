package kz.bilim.demo.internal;

import kz.bilim.access.BulkAccounts;
import kz.bilim.demo.internal.Plan.ClassPlan;
import kz.bilim.demo.internal.Plan.Locality;
import kz.bilim.demo.internal.Plan.Org;
import kz.bilim.enrolment.Enrolment;
import kz.bilim.enrolment.EnrolmentId;
import kz.bilim.enrolment.Person;
import kz.bilim.enrolment.PersonId;
import kz.bilim.organisation.Contacts;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.territory.Territory;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The records of each stream, in the owners' types, handed to a consumer (the owner's bulk writer). The small
 * tables come from the plan as it is; persons and enrolments are generated here, class by class, from per-class
 * random generators — the same seed and plan always give the same records.
 */
final class Rows {

    private static final long SALT_ENROLMENT = 14, SALT_ORDER = 15, SALT_SHUFFLE = 16;

    private Rows() {
    }

    // ---------------------------------------------------------------------------------------- small tables

    static void territories(Plan plan, Consumer<Territory> out) {
        for (Territory t : plan.territories) out.accept(t);
    }

    static void organisations(Plan plan, Consumer<Organisation> out) {
        for (Org o : plan.organisations) {
            out.accept(new Organisation(o.ref(), o.bin, o.nameKk, o.nameRu, o.kind, o.ownership, o.locality.code,
                    o.locality.urban, List.of(o.languages), o.shifts,
                    new Contacts(o.phone, o.postalAddress, o.email, o.website), Organisation.DEFAULT_OCCUPANCY_NORM));
        }
    }

    static void classes(Plan plan, Consumer<SchoolClass> out) {
        for (Org o : plan.organisations) {
            for (ClassPlan c : o.classes)
                out.accept(new SchoolClass(c.ref(), o.ref(), o.locality.kato, Plan.SCHOOL_YEAR, c.grade, c.letter,
                        c.language, c.shift, c.capacity));
        }
    }

    /** The demo heads' positions (TR-18 receipts name them): a school's director, a kindergarten's head. */
    static String position(Plan.DemoUser u) {
        if (u.role() != kz.bilim.kernel.Role.ORGANISATION_ADMIN || u.org() == null) return null;
        return u.org().kind == kz.bilim.organisation.OrganisationKind.PRESCHOOL ? "Меңгеруші / Заведующая" : "Директор";
    }

    /**
     * Whose account records their own IIN: an applicant's (TR-17), and the territory officers' and the ministry's,
     * who submit their territory's consolidation signed with their personal key (EIS-6).
     */
    static boolean signsWithOwnKey(Plan.DemoUser u) {
        return switch (u.role()) {
            case APPLICANT, DISTRICT_OFFICER, REGION_OFFICER, MINISTRY_ADMIN -> true;
            default -> false;
        };
    }

    /** The demo users, with their passwords hashed by {@code hash} (called once per user, in order). */
    static void users(Plan plan, Function<String, String> hash, Consumer<BulkAccounts.Account> out) {
        for (var u : plan.users) {
            out.accept(new BulkAccounts.Account(u.username(), hash.apply(u.password()), u.fullName(), u.role(),
                    u.scopeKato(), u.org() == null ? null : u.org().id, u.kato(), u.locale(),
                    signsWithOwnKey(u) ? u.iin().value() : null, position(u)));
        }
    }

    // ---------------------------------------------------------------------------------------- enrolments

    /**
     * Enrolments, class by class (and preschool or college group by group) in an order shuffled by the seed. The
     * persons of one class stay together, but the classes come in random order (which V4's GiST exclusion constraint
     * built three times faster from; kept, so that a seed still gives the data it always gave).
     */
    static void enrolments(Plan plan, Consumer<Enrolment> out) {
        var orders = new AdmissionOrders();
        long id = plan.ids.enrolment() + 1;
        for (Object unit : shuffledUnits(plan)) {
            if (unit instanceof ClassPlan c) {
                Org org = c.org;
                Rng rng = Rng.of(plan.seed, SALT_ENROLMENT, c.id - plan.ids.schoolClass());
                int orderNumber = 1 + Rng.of(plan.seed, SALT_ORDER, org.index).nextInt(150);
                int entryGrade = c.grade == 0 ? 0 : org.kind == OrganisationKind.EVENING_SCHOOL ? 9 : 1;
                int entryYear = Plan.SCHOOL_YEAR - (c.grade - entryGrade);
                Integer grade = c.grade;
                for (int i = 0; i < c.pupils; i++) {
                    int year = entryYear;
                    int number = orderNumber + (Plan.SCHOOL_YEAR - year) * 7;
                    if (year < Plan.SCHOOL_YEAR && rng.chance(0.08)) { // arrived later by transfer
                        year = rng.between(year + 1, Plan.SCHOOL_YEAR);
                        number = 150 + rng.nextInt(250);
                    }
                    out.accept(new Enrolment(new EnrolmentId(id++), new PersonId(c.personBase + i), org.ref(), c.ref(),
                            org.locality.kato, grade, septemberFirst(year), null, orders.of(number, year), null));
                }
            } else {
                Org org = (Org) unit;
                int orderNumber = 1 + Rng.of(plan.seed, SALT_ORDER, org.index).nextInt(150);
                long person = org.groupPersonBase;
                for (int cohort = 0; cohort < Plan.COHORTS; cohort++) {
                    int born = Plan.FIRST_COHORT + cohort;
                    int year = org.kind == OrganisationKind.TVET_COLLEGE ? Math.min(Plan.SCHOOL_YEAR, born + 16)
                            : Math.min(Plan.SCHOOL_YEAR, born + 2);
                    int number = orderNumber + (Plan.SCHOOL_YEAR - year) * 5;
                    String order = orders.of(number, year);
                    LocalDate from = septemberFirst(year);
                    for (int i = 0; i < org.group[cohort]; i++) {
                        out.accept(new Enrolment(new EnrolmentId(id++), new PersonId(person++), org.ref(), null,
                                org.locality.kato, null, from, null, order, null));
                    }
                }
            }
        }
    }

    /** Every class and every preschool or college group, in an order fixed by the seed. */
    private static Object[] shuffledUnits(Plan plan) {
        java.util.List<Object> units = new java.util.ArrayList<>();
        for (Org org : plan.organisations) {
            units.addAll(org.classes);
            if (org.group != null) units.add(org);
        }
        Object[] array = units.toArray();
        Rng rng = Rng.of(plan.seed, SALT_SHUFFLE, 0);
        for (int i = array.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Object swap = array[i];
            array[i] = array[j];
            array[j] = swap;
        }
        return array;
    }

    private static final LocalDate[] SEPTEMBER_FIRST = new LocalDate[Plan.SCHOOL_YEAR + 1 - 2000];

    static {
        for (int i = 0; i < SEPTEMBER_FIRST.length; i++) SEPTEMBER_FIRST[i] = LocalDate.of(2000 + i, 9, 1);
    }

    private static LocalDate septemberFirst(int year) {
        return SEPTEMBER_FIRST[year - 2000];
    }

    /** Admission orders "number/year", each text made once. */
    static final class AdmissionOrders {
        private final String[] made = new String[512 * SEPTEMBER_FIRST.length];

        String of(int number, int year) {
            if (number < 0 || number >= 512) return number + "/" + year;
            int slot = number * SEPTEMBER_FIRST.length + year - 2000;
            String order = made[slot];
            if (order == null) made[slot] = order = number + "/" + year;
            return order;
        }
    }

    // ---------------------------------------------------------------------------------------- persons

    /** Persons of the localities {@code part}, {@code part + parts}, …, with IIN serials of their own residue class. */
    static void persons(Plan plan, Consumer<Person> out, int part, int parts) {
        var people = new PersonWriter(plan, out, part, parts);
        for (Locality locality : plan.localities) {
            if (locality.index % parts != part) continue;
            people.locality(locality);
        }
    }
}
