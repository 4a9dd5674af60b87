package kz.bilim.demo.internal;

import kz.bilim.collection.CollectionBulkWriter;
import kz.bilim.collection.Form;
import kz.bilim.collection.NewForm;
import kz.bilim.collection.NewPeriod;
import kz.bilim.collection.Period;
import kz.bilim.collection.PreschoolPassport;
import kz.bilim.collection.SchoolPassport;
import kz.bilim.collection.SubmissionStatus;
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
 * The demo's data collection: this year's school passport and preschool passport (EIS-4), their 2026 period — the schools' deadline Saturday
 * 10 October 2026, which the calendar moves to the end of Monday the 12th (EIS-8) — and every school's submission,
 * filled realistically from its pupils: about 82 % accepted, 6 % submitted and waiting, 4 % returned with a comment,
 * 3 % not yet submitted; 12 % arrived late, 7 % were returned once before acceptance, 3 % were marked distorted and
 * corrected. Fed to the collection module's {@link CollectionBulkWriter}; deterministic by seed.
 */
public final class DemoCollection {

    private static final long SALT = 67;
    static final int YEAR = 2026;
    private static final String[] RETURNS = {"Компьютерлер саны тексеруге сәйкес емес", "Не заполнены места в лагере",
            "Здания в аварийном состоянии не указаны", "Жобалық орын саны қате"};
    private static final String[] DISTORTIONS = {"Проверка: компьютеров с интернетом меньше заявленного",
            "Тексеру: апатты ғимарат көрсетілмеген"};

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

    /** The collected data as what the demo loader writes after its organisations and removes when undoing them. */
    public static DemoLoader.Dependents dependents(CollectionBulkWriter writer) {
        return new DemoLoader.Dependents() {
            @Override
            public Map<String, Long> write(DataSource owner, long seed, List<DemoStaff.Org> organisations) {
                var schools = organisations.stream().filter(o -> SchoolPassport.APPLIES_TO.stream()
                        .anyMatch(k -> k.name().equals(o.kind()))).toList();
                var written = writer.write(owner, passport(), period(), new Submissions(schools, seed, false));
                var preschools = organisations.stream().filter(o -> PreschoolPassport.APPLIES_TO.stream()
                        .anyMatch(k -> k.name().equals(o.kind()))).toList();
                var preschoolWritten = writer.write(owner, preschoolPassport(), period(),
                        new Submissions(preschools, seed, true));
                Map<String, Long> rows = new LinkedHashMap<>();
                rows.put("collection: submissions", written.submissions());
                rows.put("collection: values", written.values());
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

    /** One school's passport, generated from its pupils; never more than one in memory. */
    static final class Submissions implements Iterator<CollectionBulkWriter.BulkSubmission> {

        private final List<DemoStaff.Org> schools;
        private final long seed;
        private final boolean preschools;
        private int next;

        Submissions(List<DemoStaff.Org> schools, long seed, boolean preschools) {
            this.schools = schools;
            this.seed = seed;
            this.preschools = preschools;
        }

        @Override
        public boolean hasNext() {
            return next < schools.size();
        }

        @Override
        public CollectionBulkWriter.BulkSubmission next() {
            if (!hasNext()) throw new NoSuchElementException();
            int index = next++;
            return preschools ? preschoolSubmission(schools.get(index), seed, index)
                    : submission(schools.get(index), seed, index);
        }
    }

    /**
     * One school's passport. Its fate (accepted, returned, …) and lateness are spread by the school's place in the
     * list (a stride through the hundred, shifted by the seed), so that even the tiny scale shows every case.
     */
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
        return fated(o, seed, index, rng, numbers, texts);
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
        return fated(o, seed, index, rng, numbers, Map.of(PreschoolPassport.TYPE, type));
    }

    /** The submission's fate (accepted, returned, …) and lateness, spread by its place in the list. */
    private static CollectionBulkWriter.BulkSubmission fated(DemoStaff.Org o, long seed, int index, Rng rng,
                                                            Map<String, BigDecimal> numbers, Map<String, String> texts) {
        int shift = (int) Math.floorMod(seed, 100L);
        int fate = Math.floorMod(index * 37 + shift, 100);
        SubmissionStatus status;
        int version = 1;
        int returns = 0;
        int distortions = 0;
        String comment = null;
        if (fate < 3) {
            status = SubmissionStatus.DRAFT;
            version = 0;
        } else if (fate < 7) {
            status = SubmissionStatus.RETURNED;
            returns = 1;
            comment = rng.pick(RETURNS);
        } else if (fate < 13) {
            status = SubmissionStatus.SUBMITTED;
        } else {
            status = SubmissionStatus.ACCEPTED;
            if (fate < 20) {
                returns = 1;
                version = 2;
                comment = rng.pick(RETURNS);
            } else if (fate < 23) {
                returns = 1;
                distortions = 1;
                version = 2;
                comment = rng.pick(DISTORTIONS);
            }
        }
        boolean late = version > 0 && Math.floorMod(index * 53 + shift + 7, 100) < 12;
        // on time: 1–12 October (the deadline, Saturday the 10th, moved to the end of Monday the 12th); late: 13–19
        LocalDate day = late ? LocalDate.of(YEAR, 10, 13 + rng.nextInt(7)) : LocalDate.of(YEAR, 10, 1 + rng.nextInt(12));
        Instant arrived = version == 0 ? null
                : day.atTime(LocalTime.of(9 + rng.nextInt(9), rng.nextInt(60))).atZone(Almaty.ZONE).toInstant();
        return new CollectionBulkWriter.BulkSubmission(o.id(), o.kato(), status, version, arrived, late, returns,
                distortions, comment, numbers, version == 0 ? Map.of() : texts);
    }
}
