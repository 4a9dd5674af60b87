package kz.bilim.demo.internal;

import kz.bilim.collection.CollectionBulkWriter;
import kz.bilim.collection.Form;
import kz.bilim.collection.FormDefinition;
import kz.bilim.collection.NewForm;
import kz.bilim.collection.NewPeriod;
import kz.bilim.collection.Period;
import kz.bilim.collection.PreschoolPassport;
import kz.bilim.collection.SchoolPassport;
import kz.bilim.collection.SubmissionStatus;
import kz.bilim.collection.Texts;
import kz.bilim.kernel.Almaty;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The demo's data collection (EIS-4…EIS-10). This year's school passport (and the preschool passport, filled by
 * every preschool of the same period, not consolidated) and its 2026 period — the schools' deadline
 * Saturday 10 October 2026, which the calendar moves to the end of Monday the 12th (EIS-8) — is closed: every school
 * was accepted in the end, filled realistically from its pupils; 12 % arrived late and 3 % more never submitted by the
 * deadline (late too), 11 % were returned once before acceptance, 3 % were marked distorted and corrected; then the
 * districts consolidated, the regions accepted and consolidated, the ministry formed the national consolidation
 * (the final report's, EIS-10) — each level a few late, about one in ten returned once. A one-off request of the
 * ministry (EIS-9), on the schools' readiness for the heating season, is still open: about 77 % accepted, 6 %
 * submitted and waiting, 4 % returned with a comment, 3 % not yet submitted. Fed to the collection module's
 * {@link CollectionBulkWriter}; deterministic by seed.
 */
public final class DemoCollection {

    private static final long SALT = 67;
    private static final long REQUEST_SALT = 71;
    static final int YEAR = 2026;
    static final String HEATING = "HEATING-2026";
    private static final String[] RETURNS = {"Компьютерлер саны тексеруге сәйкес емес", "Не заполнены места в лагере",
            "Здания в аварийном состоянии не указаны", "Жобалық орын саны қате"};
    private static final String[] PRESCHOOL_RETURNS = {"Жобалық орын саны қате",
            "Здания в аварийном состоянии не указаны"};
    private static final String[] DISTORTIONS = {"Проверка: компьютеров с интернетом меньше заявленного",
            "Тексеру: апатты ғимарат көрсетілмеген"};
    private static final String[] HEATING_RETURNS = {"Отын қоры күндермен көрсетілмеген",
            "Число готовых котлов больше числа котлов"};

    private DemoCollection() {
    }

    public static NewForm passport() {
        return new NewForm(SchoolPassport.CODE, YEAR, Form.Kind.REGULAR, Form.Periodicity.ANNUAL, SchoolPassport.name(),
                "ҚР Оқу-ағарту министрінің 2026 жылғы бұйрығы (демо)", SchoolPassport.APPLIES_TO,
                SchoolPassport.definition());
    }

    public static NewForm preschoolPassport() {
        return new NewForm(PreschoolPassport.CODE, YEAR, Form.Kind.REGULAR, Form.Periodicity.ANNUAL,
                PreschoolPassport.name(), "ҚР Оқу-ағарту министрінің 2026 жылғы бұйрығы (демо)",
                PreschoolPassport.APPLIES_TO, PreschoolPassport.definition());
    }

    public static NewPeriod period() {
        return new NewPeriod(String.valueOf(YEAR), LocalDate.of(YEAR, 9, 1), LocalDate.of(YEAR, 10, 5),
                new Period.Deadlines(LocalDate.of(YEAR, 10, 10), LocalDate.of(YEAR, 10, 20), LocalDate.of(YEAR, 10, 30),
                        LocalDate.of(YEAR, 11, 10)));
    }

    /** EIS-9: the ministry's one-off request on the heating season, due on Thursday 10 December 2026 at every level. */
    static NewForm heatingRequest() {
        BigDecimal zero = BigDecimal.ZERO;
        var fields = List.of(
                new FormDefinition.Field("boilers", FormDefinition.FieldType.NUMBER,
                        new Texts("Қазандықтар саны", "Число котельных", "Boiler houses"), true, zero, null, true,
                        null, null, null, null, null),
                new FormDefinition.Field("boilers_ready", FormDefinition.FieldType.NUMBER,
                        new Texts("Оның ішінде жылу маусымына дайын", "Из них готовы к отопительному сезону",
                                "Of them ready for the heating season"), true, zero, null, true, null, null, null, null,
                        null),
                new FormDefinition.Field("fuel_days", FormDefinition.FieldType.NUMBER,
                        new Texts("Отын қоры, күн", "Запас топлива, дней", "Fuel stock, days"), true, zero,
                        new BigDecimal("365"), true, null, null, null, null, null));
        return new NewForm(HEATING, YEAR, Form.Kind.ADDITIONAL, Form.Periodicity.ONE_OFF,
                new Texts("Мектептердің жылу маусымына дайындығы", "Готовность школ к отопительному сезону",
                        "Schools' readiness for the heating season"),
                "ҚР Оқу-ағарту министрлігінің сұрауы (демо)", SchoolPassport.APPLIES_TO,
                new FormDefinition(List.of(new FormDefinition.Section("heating",
                        new Texts("Жылу маусымы", "Отопительный сезон", "Heating season"), fields)),
                        List.of(new FormDefinition.Rule("ready-within-boilers", "boilers_ready",
                                FormDefinition.Comparison.LE, "boilers", null))));
    }

    static NewPeriod heatingPeriod() {
        LocalDate due = LocalDate.of(YEAR, 12, 10);
        return new NewPeriod("2026-12", LocalDate.of(YEAR, 11, 16), LocalDate.of(YEAR, 11, 30),
                new Period.Deadlines(due, due, due, due));
    }

    /** The collected data as what the demo loader writes after its organisations and removes when undoing them. */
    public static DemoLoader.Dependents dependents(CollectionBulkWriter writer) {
        return new DemoLoader.Dependents() {
            @Override
            public Map<String, Long> write(DataSource owner, long seed, List<DemoStaff.Org> organisations) {
                var schools = organisations.stream().filter(o -> SchoolPassport.APPLIES_TO.stream()
                        .anyMatch(k -> k.name().equals(o.kind()))).toList();
                var written = writer.write(owner, passport(), period(),
                        new Submissions(schools, (o, index) -> submission(o, seed, index)), true);
                var request = writer.write(owner, heatingRequest(), heatingPeriod(),
                        new Submissions(schools, (o, index) -> heating(o, seed, index)), false);
                var preschools = organisations.stream().filter(o -> PreschoolPassport.APPLIES_TO.stream()
                        .anyMatch(k -> k.name().equals(o.kind()))).toList();
                var preschoolWritten = writer.write(owner, preschoolPassport(), period(),
                        new Submissions(preschools, (o, index) -> preschoolSubmission(o, seed, index)), false);
                Map<String, Long> rows = new LinkedHashMap<>();
                rows.put("collection: submissions", written.submissions() + request.submissions());
                rows.put("collection: values", written.values() + request.values());
                rows.put("collection: preschool passports", preschoolWritten.submissions());
                rows.put("collection: preschool passport values", preschoolWritten.values());
                return rows;
            }

            @Override
            public void remove(DataSource owner, long organisationIdAfter, long organisationIdUpTo) {
                writer.remove(owner, organisationIdAfter, organisationIdUpTo);
            }
        };
    }

    /** One school's submission at a time, never more than one in memory. */
    static final class Submissions implements Iterator<CollectionBulkWriter.BulkSubmission> {

        private final List<DemoStaff.Org> schools;
        private final java.util.function.BiFunction<DemoStaff.Org, Integer, CollectionBulkWriter.BulkSubmission> make;
        private int next;

        Submissions(List<DemoStaff.Org> schools,
                    java.util.function.BiFunction<DemoStaff.Org, Integer, CollectionBulkWriter.BulkSubmission> make) {
            this.schools = schools;
            this.make = make;
        }

        @Override
        public boolean hasNext() {
            return next < schools.size();
        }

        @Override
        public CollectionBulkWriter.BulkSubmission next() {
            if (!hasNext()) throw new NoSuchElementException();
            int index = next++;
            return make.apply(schools.get(index), index);
        }
    }

    /** One school's passport, generated from its pupils, in the closed period. */
    static CollectionBulkWriter.BulkSubmission submission(DemoStaff.Org o, long seed, int index) {
        Rng rng = Rng.of(seed, SALT, o.id());
        int pupils = Math.max(o.pupils(), 0);
        int classes = Math.max(1, Math.round(pupils / 22f));
        int pedagogues = Math.max(2, Math.round(pupils / 20f));
        int places = Math.max(pupils, (int) Math.round(pupils * rng.around(0.25) * 1.1)) + 20;
        int computers = Math.max(2, (int) Math.round(pupils / 9.0 * rng.around(0.4)));
        int internet = o.urban() ? computers : (int) Math.round(computers * (0.5 + 0.5 * rng.nextDouble()));
        int buildings = pupils > 900 ? 2 + rng.nextInt(2) : 1 + (rng.chance(0.2) ? 1 : 0);
        int emergency = rng.chance(0.04) ? 1 : 0;
        boolean camp = rng.chance(0.7);
        var numbers = new HashMap<String, BigDecimal>();
        numbers.put(SchoolPassport.PUPILS, BigDecimal.valueOf(pupils));
        numbers.put(SchoolPassport.CLASSES, BigDecimal.valueOf(classes));
        numbers.put(SchoolPassport.PEDAGOGUES, BigDecimal.valueOf(pedagogues));
        numbers.put(SchoolPassport.PLACES, BigDecimal.valueOf(places));
        numbers.put(SchoolPassport.COMPUTERS, BigDecimal.valueOf(computers));
        numbers.put(SchoolPassport.COMPUTERS_INTERNET, BigDecimal.valueOf(internet));
        numbers.put(SchoolPassport.BUILDINGS, BigDecimal.valueOf(buildings));
        numbers.put(SchoolPassport.BUILDINGS_EMERGENCY, BigDecimal.valueOf(emergency));
        if (camp) numbers.put(SchoolPassport.CAMP_PLACES, BigDecimal.valueOf(Math.max(15, pupils / 6)));
        if (classes >= 11)
            for (String row : SchoolPassport.DEEP_STUDY_ROWS)
                if (rng.chance(0.35)) numbers.put(SchoolPassport.DEEP_STUDY + "." + row, BigDecimal.valueOf(1 + rng.nextInt(3)));
        // about one in eight schools with deep-study classes is specialised in deep study as a whole (indicator 6); its
        // own draw, so the fates and figures drawn above stay as they were
        boolean deepStudy = numbers.keySet().stream().anyMatch(k -> k.startsWith(SchoolPassport.DEEP_STUDY + "."));
        boolean profile = deepStudy && Rng.of(seed, SALT + 2, o.id()).chance(0.125);
        var texts = Map.of(SchoolPassport.CAMP, camp ? "yes" : "no",
                SchoolPassport.DEEP_STUDY_PROFILE, profile ? "yes" : "no");
        // on time: 1–12 October (the deadline, Saturday the 10th, moved to the end of Monday the 12th); late: 13–19
        return fate(Math.floorMod(index * 37 + (int) Math.floorMod(seed, 100L), 100), index, rng, true, LocalDate.of(YEAR, 10, 1), 12, LocalDate.of(YEAR, 10, 13), 7,
                numbers, texts, RETURNS).at(o);
    }

    /**
     * One preschool's passport: design places around its children (a city kindergarten is often overfull), one
     * building (two for big ones), about 3 % with one in emergency state; its type — about 2 % special preschools,
     * the small rural ones (under 50 children) mini-centres, the rest kindergartens. The same fates as the schools'.
     */
    static CollectionBulkWriter.BulkSubmission preschoolSubmission(DemoStaff.Org o, long seed, int index) {
        Rng rng = Rng.of(seed, SALT + 1, o.id());
        int children = Math.max(o.pupils(), 0);
        int groups = Math.max(1, Math.round(children / 25f));
        int pedagogues = Math.max(2, Math.round(children / 12f));
        double fill = o.urban() ? 0.85 + 0.35 * rng.nextDouble() : 1.0 + 0.4 * rng.nextDouble();
        int places = Math.max(15, (int) Math.round(children / fill / 5.0) * 5);
        int buildings = children > 250 ? 2 : 1;
        int emergency = rng.chance(0.03) ? 1 : 0;
        String type = rng.chance(0.02) ? PreschoolPassport.SPECIAL
                : !o.urban() && children < 50 ? PreschoolPassport.MINI_CENTRE : PreschoolPassport.KINDERGARTEN;
        var numbers = new HashMap<String, BigDecimal>();
        numbers.put(PreschoolPassport.CHILDREN, BigDecimal.valueOf(children));
        numbers.put(PreschoolPassport.GROUPS, BigDecimal.valueOf(groups));
        numbers.put(PreschoolPassport.PEDAGOGUES, BigDecimal.valueOf(pedagogues));
        numbers.put(PreschoolPassport.PLACES, BigDecimal.valueOf(places));
        numbers.put(PreschoolPassport.BUILDINGS, BigDecimal.valueOf(buildings));
        numbers.put(PreschoolPassport.BUILDINGS_EMERGENCY, BigDecimal.valueOf(emergency));
        return fate(Math.floorMod(index * 37 + (int) Math.floorMod(seed, 100L), 100), index, rng, true, LocalDate.of(YEAR, 10, 1), 12, LocalDate.of(YEAR, 10, 13), 7,
                numbers, Map.of(PreschoolPassport.TYPE, type), PRESCHOOL_RETURNS).at(o);
    }

    /** One school's answer to the open heating-season request: on time so far (it is due on 10 December). */
    static CollectionBulkWriter.BulkSubmission heating(DemoStaff.Org o, long seed, int index) {
        Rng rng = Rng.of(seed, REQUEST_SALT, o.id());
        int boilers = 1 + (o.pupils() > 900 ? 1 : 0);
        var numbers = new HashMap<String, BigDecimal>();
        numbers.put("boilers", BigDecimal.valueOf(boilers));
        numbers.put("boilers_ready", BigDecimal.valueOf(rng.chance(0.9) ? boilers : boilers - 1));
        numbers.put("fuel_days", BigDecimal.valueOf(30 + rng.nextInt(150)));
        // the list's first three schools (at every scale) have not answered, were returned, wait for the district
        return fate(index < 3 ? index * 4 : Math.floorMod(index * 37, 100), index, rng, false, LocalDate.of(YEAR, 11, 20), 14, null, 0, numbers, Map.of(),
                HEATING_RETURNS).at(o);
    }

    /**
     * A school's path by its {@code fate} out of a hundred (below 3 not submitted, 3–6 returned, 7–12 waiting, 13–19
     * accepted after a return, 20–22 distorted and corrected, else accepted), which the callers spread by the school's
     * place in the list so that even the tiny scale shows every case; lateness likewise. In a {@code closed}
     * period every school was accepted in the end: those waiting or returned at the deadline were accepted later,
     * those that had not submitted submitted late.
     */
    private static Fate fate(int fate, int index, Rng rng, boolean closed, LocalDate onTimeFrom, int onTimeDays,
                             LocalDate lateFrom, int lateDays, Map<String, BigDecimal> numbers,
                             Map<String, String> texts, String[] returnComments) {
        SubmissionStatus status;
        int version = 1;
        int returns = 0;
        int distortions = 0;
        String comment = null;
        boolean lateAnyway = false;
        if (fate < 3) {
            status = closed ? SubmissionStatus.ACCEPTED : SubmissionStatus.DRAFT;
            version = closed ? 1 : 0;
            lateAnyway = closed;
        } else if (fate < 7) {
            status = closed ? SubmissionStatus.ACCEPTED : SubmissionStatus.RETURNED;
            returns = 1;
            version = closed ? 2 : 1;
            comment = rng.pick(returnComments);
        } else if (fate < 13) {
            status = closed ? SubmissionStatus.ACCEPTED : SubmissionStatus.SUBMITTED;
        } else {
            status = SubmissionStatus.ACCEPTED;
            if (fate < 20) {
                returns = 1;
                version = 2;
                comment = rng.pick(returnComments);
            } else if (fate < 23 && closed) {
                returns = 1;
                distortions = 1;
                version = 2;
                comment = rng.pick(DISTORTIONS);
            }
        }
        boolean late = version > 0 && lateDays > 0
                && (lateAnyway || Math.floorMod(index * 53 + fate + 7, 100) < 12);
        LocalDate day = late ? lateFrom.plusDays(rng.nextInt(lateDays)) : onTimeFrom.plusDays(rng.nextInt(onTimeDays));
        Instant arrived = version == 0 ? null
                : day.atTime(LocalTime.of(9 + rng.nextInt(9), rng.nextInt(60))).atZone(Almaty.ZONE).toInstant();
        return new Fate(status, version, arrived, late, returns, distortions, comment, numbers,
                version == 0 ? Map.of() : texts);
    }

    private record Fate(SubmissionStatus status, int version, Instant arrived, boolean late, int returns,
                        int distortions, String comment, Map<String, BigDecimal> numbers, Map<String, String> texts) {
        CollectionBulkWriter.BulkSubmission at(DemoStaff.Org o) {
            return new CollectionBulkWriter.BulkSubmission(o.id(), o.kato(), status, version, arrived, late, returns,
                    distortions, comment, numbers, texts);
        }
    }
}
