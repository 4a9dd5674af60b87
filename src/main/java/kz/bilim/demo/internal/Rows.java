package kz.bilim.demo.internal;

import kz.bilim.demo.internal.Plan.ClassPlan;
import kz.bilim.demo.internal.Plan.Kind;
import kz.bilim.demo.internal.Plan.Locality;
import kz.bilim.demo.internal.Plan.Org;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The row streams of each table, written straight into a {@link CopyBinary}. The small tables come from the plan as
 * it is; persons and enrolments are generated here, class by class, from per-class random generators — the same seed
 * and plan always give the same bytes.
 */
final class Rows {

    private static final long SALT_ENROLMENT = 14, SALT_ORDER = 15, SALT_SHUFFLE = 16;
    private static final int PROGRESS_STEP = 8192;
    /** When the rows were "created": a fixed instant, so that two loads of one seed are identical. */
    static final long CREATED_MICROS = Instant.parse("2026-08-15T04:00:00Z").toEpochMilli() * 1000;

    private Rows() {
    }

    // ---------------------------------------------------------------------------------------- small tables

    static void territories(Plan plan, CopyBinary out) {
        for (var t : plan.territories) {
            out.row(6).text(t.kato()).text(t.parentKato()).int2(t.level()).text(t.nameKk()).text(t.nameRu())
                    .bool(t.urban());
        }
    }

    static void organisations(Plan plan, CopyBinary out) {
        for (Org o : plan.organisations) {
            out.row(17).int8(o.id).text(o.bin).text(o.nameKk).text(o.nameRu).text(o.kind.name())
                    .text(o.privateOwned ? "PRIVATE" : "STATE").text(o.locality.kato).bool(o.locality.urban)
                    .textArray(o.languages).int2(o.shifts).text(o.phone).text(o.postalAddress).text(o.email)
                    .text(o.website).int2(25).timestamp(CREATED_MICROS).timestamp(CREATED_MICROS);
        }
    }

    static void classes(Plan plan, CopyBinary out, AtomicLong progress) {
        long n = 0;
        for (Org o : plan.organisations) {
            byte[] kato = o.locality.katoBytes;
            for (ClassPlan c : o.classes) {
                out.row(9).int8(c.id).int8(o.id).text(kato).int2(Plan.SCHOOL_YEAR).int2(c.grade).text(c.letter)
                        .text(c.language).int2(c.shift).int2(c.capacity);
                if (++n % PROGRESS_STEP == 0) progress.addAndGet(PROGRESS_STEP);
            }
        }
        progress.addAndGet(n % PROGRESS_STEP);
    }

    static void users(Plan plan, CopyBinary out, java.util.function.Function<String, String> hash) {
        for (var u : plan.users) {
            out.row(8).text(u.username()).text(hash.apply(u.password())).text(u.fullName()).text(u.role().name())
                    .text(u.scopeKato());
            if (u.org() == null) out.nul(); else out.int8(u.org().id);
            out.text(u.kato()).text(u.locale());
        }
    }

    // ---------------------------------------------------------------------------------------- enrolments

    /**
     * Enrolments, class by class (and preschool or college group by group) in an order shuffled by the seed. The
     * persons of one class stay together, but the classes come in random order: building the GiST index of the
     * exclusion constraint "never in two organisations at once" over rows in random person order is three times
     * faster than over rows in person order.
     */
    static void enrolments(Plan plan, CopyBinary out, AtomicLong progress) {
        byte[] order = new byte[16];
        long written = 0;
        long id = plan.ids.enrolment() + 1;
        for (Object unit : shuffledUnits(plan)) {
            if (unit instanceof ClassPlan c) {
                Org org = c.org;
                byte[] kato = org.locality.katoBytes;
                Rng rng = Rng.of(plan.seed, SALT_ENROLMENT, c.id - plan.ids.schoolClass());
                int orderNumber = 1 + Rng.of(plan.seed, SALT_ORDER, org.index).nextInt(150);
                int entryGrade = c.grade == 0 ? 0 : org.kind == Kind.EVENING_SCHOOL ? 9 : 1;
                int entryYear = Plan.SCHOOL_YEAR - (c.grade - entryGrade);
                for (int i = 0; i < c.pupils; i++) {
                    int year = entryYear;
                    int number = orderNumber + (Plan.SCHOOL_YEAR - year) * 7;
                    if (year < Plan.SCHOOL_YEAR && rng.chance(0.08)) { // arrived later by transfer
                        year = rng.between(year + 1, Plan.SCHOOL_YEAR);
                        number = 150 + rng.nextInt(250);
                    }
                    out.row(8).int8(id++).int8(c.personBase + i).int8(org.id).int8(c.id).text(kato)
                            .int2(c.grade).date(septemberFirst(year)).text(order, 0, orderNumber(order, number, year));
                    if (++written % PROGRESS_STEP == 0) progress.addAndGet(PROGRESS_STEP);
                }
            } else {
                Org org = (Org) unit;
                byte[] kato = org.locality.katoBytes;
                int orderNumber = 1 + Rng.of(plan.seed, SALT_ORDER, org.index).nextInt(150);
                long person = org.groupPersonBase;
                for (int cohort = 0; cohort < Plan.COHORTS; cohort++) {
                    int born = Plan.FIRST_COHORT + cohort;
                    int year = org.kind == Kind.TVET_COLLEGE ? Math.min(Plan.SCHOOL_YEAR, born + 16)
                            : Math.min(Plan.SCHOOL_YEAR, born + 2);
                    int number = orderNumber + (Plan.SCHOOL_YEAR - year) * 5;
                    int length = orderNumber(order, number, year);
                    for (int i = 0; i < org.group[cohort]; i++) {
                        out.row(8).int8(id++).int8(person++).int8(org.id).nul().text(kato).nul()
                                .date(septemberFirst(year)).text(order, 0, length);
                        if (++written % PROGRESS_STEP == 0) progress.addAndGet(PROGRESS_STEP);
                    }
                }
            }
        }
        progress.addAndGet(written % PROGRESS_STEP);
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

    private static long septemberFirst(int year) {
        return LocalDate.of(year, 9, 1).toEpochDay();
    }

    /** Writes "number/year" as ASCII into {@code buffer}, returns the length. */
    static int orderNumber(byte[] buffer, int number, int year) {
        int position = digits(buffer, 0, number);
        buffer[position++] = '/';
        return digits(buffer, position, year);
    }

    /** Writes a non-negative number's decimal digits at {@code at}, returns the position after them. */
    static int digits(byte[] buffer, int at, int value) {
        if (value == 0) {
            buffer[at] = '0';
            return at + 1;
        }
        int length = 0;
        for (int v = value; v > 0; v /= 10) length++;
        int p = at + length - 1;
        for (int v = value; v > 0; v /= 10) buffer[p--] = (byte) ('0' + v % 10);
        return at + length;
    }

    // ---------------------------------------------------------------------------------------- persons

    /** Persons of the localities {@code part}, {@code part + parts}, …, with IIN serials of their own residue class. */
    static void persons(Plan plan, CopyBinary out, AtomicLong progress, int part, int parts) {
        var people = new PersonWriter(plan, out, progress, part, parts);
        for (Locality locality : plan.localities) {
            if (locality.index % parts != part) continue;
            people.locality(locality);
        }
        people.finish();
    }
}
