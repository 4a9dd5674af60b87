package kz.bilim.demo.internal;

import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.staff.EducationLevel;
import kz.bilim.staff.GradesTaught;
import kz.bilim.staff.QualificationCategory;
import kz.bilim.staff.StaffBulkWriter;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The demo's staff: for every organisation the demo has just loaded, a realistic staff sized by its pupils or children — a
 * director, pedagogues (about one per 20 pupils: teachers by subject in schools and colleges, educators in
 * preschools, a deputy and a psychologist in bigger ones) and support staff (cook, watchman, cleaner, a driver in
 * rural schools, librarian, nurse, accountant; about one per 35 pupils) — about 450,000 staff nationally, 60 %
 * pedagogues. Fed to the staff module's {@link StaffBulkWriter}, which owns the tables; deterministic by seed.
 */
public final class DemoStaff {

    private static final long SALT = 41;
    /** The nationalities are drawn apart, so the staff drawn before them (sex, age, names) stay as they were. */
    private static final long NATIONALITY_SALT = 43;
    private static final String[] MALE = {"Ерлан", "Нұрлан", "Асқар", "Болат", "Данияр", "Марат", "Серік", "Талғат",
            "Александр", "Сергей", "Андрей", "Руслан"};
    private static final String[] FEMALE = {"Айгүл", "Гүлнар", "Динара", "Жанар", "Сәуле", "Әсел", "Мадина", "Айжан",
            "Елена", "Ольга", "Наталья", "Татьяна"};
    private static final String[] SURNAMES = {"Ахметов", "Серікбаев", "Жұмабаев", "Нұрланов", "Қасымов", "Оспанов",
            "Сәрсенбаев", "Тоқтаров", "Әбенов", "Иванов", "Ким", "Попов"};
    /** The staff's nationalities with their weights (the demo's; a person's nationality is its name). */
    private static final String[] NATIONALITIES = {"KAZAKH", "RUSSIAN", "UZBEK", "UKRAINIAN", "UYGHUR", "TATAR",
            "GERMAN", "KOREAN"};
    private static final int[] NATIONALITY_WEIGHTS = {68, 20, 3, 2, 2, 2, 2, 1};
    private static final String[] SUBJECTS = {"қазақ тілі", "математика", "орыс тілі", "физика", "химия", "биология",
            "тарих", "ағылшын тілі", "информатика", "дене шынықтыру", "бастауыш сынып", "география"};

    /** An organisation of the demo plan, with its pupils or children (the plan knows them: nothing is read back). */
    record Org(long id, String kato, String kind, boolean urban, int pupils, String ownership, String bin) {
    }

    private DemoStaff() {
    }

    /** The staff as what the demo loader writes after its organisations and removes when it undoes them. */
    public static DemoLoader.Dependents dependents(StaffBulkWriter writer) {
        return new DemoLoader.Dependents() {
            @Override
            public Map<String, Long> write(DataSource owner, long seed, List<Org> organisations) {
                var written = DemoStaff.write(owner, writer, seed, organisations);
                Map<String, Long> rows = new LinkedHashMap<>();
                rows.put("staff: employees", written.employees());
                rows.put("staff: contracts", written.contracts());
                return rows;
            }

            @Override
            public void remove(DataSource owner, long organisationIdAfter, long organisationIdUpTo) {
                writer.remove(owner, organisationIdAfter, organisationIdUpTo);
            }
        };
    }

    public static StaffBulkWriter.Written write(DataSource owner, StaffBulkWriter writer, long seed, List<Org> orgs) {
        return writer.write(owner, new Employees(orgs, seed));
    }

    /** Streams the employees organisation by organisation; never holds more than one organisation's staff. */
    private static final class Employees implements Iterator<StaffBulkWriter.Employee> {

        private final List<Org> orgs;
        private final long seed;
        private final List<StaffBulkWriter.Employee> current = new ArrayList<>();
        private int next;
        private int org;
        private Rng nationalities;
        private final int[] serials = new int[2 * 366 * 50];

        Employees(List<Org> orgs, long seed) {
            this.orgs = orgs;
            this.seed = seed;
        }

        @Override
        public boolean hasNext() {
            while (next >= current.size() && org < orgs.size()) fill(orgs.get(org++));
            return next < current.size();
        }

        @Override
        public StaffBulkWriter.Employee next() {
            if (!hasNext()) throw new NoSuchElementException();
            return current.get(next++);
        }

        private void fill(Org o) {
            current.clear();
            next = 0;
            Rng rng = Rng.of(seed, SALT, o.id());
            nationalities = Rng.of(seed, NATIONALITY_SALT, o.id());
            boolean preschool = o.kind().equals("PRESCHOOL");
            boolean college = o.kind().equals("TVET_COLLEGE");
            int pupils = Math.max(o.pupils(), 15);
            int pedagogues = Math.max(2, Math.round(pupils / 20f));
            int support = 2 + Math.round(pupils / 35f);
            add(o, rng, "DIRECTOR", null, true);
            if (pupils >= 300) add(o, rng, "DEPUTY_DIRECTOR", null, true);
            if (pupils >= 200) add(o, rng, preschool ? "SPEECH_THERAPIST" : "PSYCHOLOGIST", null, true);
            if (pupils >= 500 && !preschool) add(o, rng, "SOCIAL_PEDAGOGUE", null, true);
            for (int i = 0; i < pedagogues; i++)
                add(o, rng, preschool ? "EDUCATOR" : "TEACHER", preschool ? null : SUBJECTS[i % SUBJECTS.length], true,
                        preschool || college ? null : grades(o.kind(), i, SUBJECTS[i % SUBJECTS.length]));
            String[] roles = preschool ? new String[]{"COOK", "WATCHMAN", "CLEANER", "NURSE", "COOK", "CLEANER"}
                    : college ? new String[]{"WATCHMAN", "CLEANER", "LIBRARIAN", "ACCOUNTANT", "IT_ENGINEER", "COOK"}
                    : new String[]{"COOK", "WATCHMAN", "CLEANER", "LIBRARIAN", "NURSE", "ACCOUNTANT", "CLEANER"};
            for (int i = 0; i < support; i++) add(o, rng, roles[i % roles.length], null, false);
            if (!o.urban() && !preschool && !college) add(o, rng, "DRIVER", null, false);
        }

        private void add(Org o, Rng rng, String position, String subject, boolean pedagogue) {
            add(o, rng, position, subject, pedagogue, null);
        }

        /**
         * The band a school's i-th teacher teaches: the primary-class teachers primary, a basic school's others basic,
         * a secondary school's others basic, senior or mixed by turn (one in ten not recorded, as in a real registry).
         */
        private static GradesTaught grades(String kind, int i, String subject) {
            if (i % 10 == 9) return null;
            if (kind.equals("PRIMARY_SCHOOL") || subject.equals("бастауыш сынып")) return GradesTaught.PRIMARY;
            if (kind.equals("BASIC_SCHOOL")) return GradesTaught.BASIC;
            return switch (i % 3) {
                case 0 -> GradesTaught.BASIC;
                case 1 -> GradesTaught.SENIOR;
                default -> GradesTaught.MIXED;
            };
        }

        private static String nationality(Rng rng) {
            int n = rng.nextInt(100);
            for (int i = 0; i < NATIONALITIES.length; i++) {
                n -= NATIONALITY_WEIGHTS[i];
                if (n < 0) return NATIONALITIES[i];
            }
            return NATIONALITIES[0];
        }

        private void add(Org o, Rng rng, String position, String subject, boolean pedagogue, GradesTaught grades) {
            boolean female = rng.nextInt(100) < (pedagogue ? 80 : 55);
            int age = rng.between(22, 63);
            LocalDate birth = LocalDate.of(2026 - age, 1, 1).plusDays(rng.nextInt(365));
            Iin iin = iin(birth, female ? Sex.FEMALE : Sex.MALE);
            String surname = SURNAMES[rng.nextInt(SURNAMES.length)];
            if (female) surname = surname.endsWith("ов") || surname.endsWith("ев") ? surname + "а" : surname;
            String first = (female ? FEMALE : MALE)[rng.nextInt(MALE.length)];
            int experience = Math.max(0, Math.min(age - 21, rng.nextInt(30)));
            LocalDate starts = LocalDate.of(2026 - Math.min(experience, 15), 9, 1).minusYears(1);
            current.add(new StaffBulkWriter.Employee(o.id(), o.kato(), iin.value(), surname, first, null, birth,
                    iin.sex(), pedagogue ? (rng.nextInt(10) < 9 ? EducationLevel.HIGHER : EducationLevel.TECHNICAL_VOCATIONAL)
                    : EducationLevel.values()[rng.nextInt(3)], pedagogue ? "педагогика" : null,
                    pedagogue ? QualificationCategory.values()[rng.nextInt(6)] : null, experience, position, subject,
                    BigDecimal.valueOf(pedagogue ? 18 : 40), "Д-" + o.id() + "-" + current.size(),
                    starts.minusDays(10), starts, nationalities.nextInt(20) == 0 ? null : nationality(nationalities), grades));
        }

        /** A valid IIN unique among the demo's staff: a serial per birth day and sex. */
        private Iin iin(LocalDate birth, Sex sex) {
            int slot = (birth.getYear() - 1960) * 366 * 2 + (birth.getDayOfYear() - 1) * 2 + (sex == Sex.MALE ? 0 : 1);
            while (true) {
                int serial = 5000 + serials[slot]++;
                Iin iin = Iin.compose(birth, sex, serial);
                if (iin != null) return iin;
            }
        }
    }
}
