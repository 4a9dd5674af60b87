package kz.bilim.demo.internal;

import kz.bilim.demo.internal.People.Nationality;
import kz.bilim.demo.internal.People.Pool;
import kz.bilim.demo.internal.Plan.ClassPlan;
import kz.bilim.demo.internal.Plan.Locality;
import kz.bilim.demo.internal.Plan.Org;
import kz.bilim.enrolment.Person;
import kz.bilim.enrolment.PersonId;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Generates the persons of a plan: pupils class by class (born in the year their grade implies, ±1), children of
 * preschools and colleges, then the other children of each locality. The IIN digits are composed here without
 * objects — birth date, century-and-sex digit, a serial unique per birth date and sex, the check digit
 * (domain-facts.md) — the same number {@code Iin.compose} gives, which the tests check; the {@link Iin} made of them
 * checks them once more.
 */
final class PersonWriter {

    private static final int FIRST_YEAR = 2006;
    private static final int LAST_YEAR = 2027;
    private static final long DAY_ZERO = LocalDate.of(FIRST_YEAR, 1, 1).toEpochDay();
    private static final int DAYS = (int) (LocalDate.of(LAST_YEAR + 1, 1, 1).toEpochDay() - DAY_ZERO);
    /** YYMMDD of every day from 2006 to 2027, as digit values. */
    private static final byte[] DATE_DIGITS = new byte[DAYS * 6];
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
    /** Every birth date from 2006 to 2027, made once. */
    private static final LocalDate[] DATES = new LocalDate[DAYS];
    private static final String KZ = "KZ";
    private static final String UZ = "UZ";
    private static final long SALT_PUPILS = 21, SALT_GROUP = 22, SALT_OTHERS = 23;

    static {
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = LocalDate.ofEpochDay(DAY_ZERO + day);
            DATES[day] = date;
            int[] digits = {date.getYear() % 100 / 10, date.getYear() % 10, date.getMonthValue() / 10,
                    date.getMonthValue() % 10, date.getDayOfMonth() / 10, date.getDayOfMonth() % 10};
            for (int i = 0; i < 6; i++) DATE_DIGITS[day * 6 + i] = (byte) digits[i];
        }
    }

    private final Plan plan;
    private final Consumer<Person> out;
    private final int part;
    private final int parts;
    /** The next serial counter per birth day and sex; serial = counter × parts + part keeps streams apart. */
    private final int[] counters = new int[DAYS * 2];
    private final byte[] iin = new byte[12];
    private final int[] d = new int[11];
    private final Map<String, double[][]> nationalityWeights = new HashMap<>();

    PersonWriter(Plan plan, Consumer<Person> out, int part, int parts) {
        this.plan = plan;
        this.out = out;
        this.part = part;
        this.parts = parts;
        java.util.Arrays.fill(counters, (int) Math.floorMod(plan.seed, 500L));
    }

    void locality(Locality locality) {
        var kato = locality.code;
        double[][] weights = nationalityWeights.computeIfAbsent(locality.region.code(), k -> weights(locality.region));
        double russianShare = locality.region.russianShare();
        long id = locality.personBase;
        for (Org org : locality.orgs) {
            for (ClassPlan c : org.classes) {
                Rng rng = Rng.of(plan.seed, SALT_PUPILS, c.id - plan.ids.schoolClass());
                double[] w = weights[c.language.equals("ru") ? 1 : 0];
                for (int i = 0; i < c.pupils; i++) {
                    int year = c.cohortYear();
                    double x = rng.nextDouble();
                    if (x < 0.06) year--; else if (x < 0.10) year++;
                    person(id++, rng, year, w, kato);
                }
            }
            if (org.group != null) {
                Rng rng = Rng.of(plan.seed, SALT_GROUP, org.index);
                double ru = org.languages.length > 1 ? russianShare : org.languages[0].equals("ru") ? 1 : 0;
                for (int cohort = 0; cohort < Plan.COHORTS; cohort++) {
                    for (int i = 0; i < org.group[cohort]; i++)
                        person(id++, rng, Plan.FIRST_COHORT + cohort, weights[rng.chance(ru) ? 1 : 0], kato);
                }
            }
        }
        Rng rng = Rng.of(plan.seed, SALT_OTHERS, locality.index);
        for (int cohort = 0; cohort < Plan.COHORTS; cohort++) {
            int others = locality.others(cohort);
            for (int i = 0; i < others; i++)
                person(id++, rng, Plan.FIRST_COHORT + cohort, weights[rng.chance(russianShare) ? 1 : 0], kato);
        }
        if (id != locality.personBase + locality.personCount)
            throw new IllegalStateException("person ids out of step with the plan");
    }

    /** Nationality weights for children of Kazakh-language [0] and Russian-language [1] surroundings. */
    private static double[][] weights(Geography.Region region) {
        double uz = region.uzbekShare();
        // KAZAKH, RUSSIAN, UZBEK, UKRAINIAN, UYGHUR, TATAR, GERMAN, KOREAN
        return new double[][]{
                {0.94 - uz, 0.01, uz + 0.005, 0.002, 0.02, 0.01, 0.002, 0.002},
                {0.38, 0.42, 0.02 + uz / 3, 0.05, 0.02, 0.04, 0.04, 0.03}};
    }

    private void person(long id, Rng rng, int year, double[] nationalityWeights, kz.bilim.territory.KatoCode kato) {
        boolean male = rng.nextInt(1000) < 512;
        int firstDay = (int) (LocalDate.of(year, 1, 1).toEpochDay() - DAY_ZERO);
        int days = year == Plan.SCHOOL_YEAR ? (int) (Plan.AS_OF_EPOCH_DAY - DAY_ZERO) - firstDay
                : LocalDate.of(year, 1, 1).lengthOfYear();
        int day = firstDay + rng.nextInt(days);
        Nationality nationality = Nationality.values()[rng.weighted(nationalityWeights)];
        Pool pool = People.pool(nationality);

        Iin iin = new Iin(iin(day, male));
        String lastName;
        if (nationality == Nationality.KAZAKH && rng.chance(0.12)) {
            lastName = People.stemSurname(rng, male);
        } else {
            int k = rng.nextInt(pool.maleLast().length);
            lastName = male ? pool.maleLast()[k] : pool.femaleLast()[k];
        }
        String[] first = male ? pool.maleFirst() : pool.femaleFirst();
        String firstName = first[rng.nextInt(first.length)];
        String patronymic;
        if (pool.fatherStems() != null) {
            if (rng.chance(0.04)) patronymic = null;
            else {
                int k = rng.nextInt(pool.fatherStems().length);
                patronymic = male ? pool.sonForms()[k] : pool.daughterForms()[k];
            }
        } else {
            String[] patronymics = male ? pool.malePatronymic() : pool.femalePatronymic();
            patronymic = patronymics[rng.nextInt(patronymics.length)];
        }
        String citizenship = rng.chance(0.006)
                ? nationality == Nationality.UZBEK ? UZ : People.FOREIGN_CITIZENSHIPS[rng.nextInt(People.FOREIGN_CITIZENSHIPS.length)]
                : KZ;
        out.accept(new Person(new PersonId(id), iin, lastName, firstName, patronymic, DATES[day],
                male ? Sex.MALE : Sex.FEMALE, nationality.name(), citizenship, kato));
    }

    /** The IIN of the next free serial for this birth day and sex. */
    private String iin(int day, boolean male) {
        int slot = day * 2 + (male ? 0 : 1);
        for (int i = 0; i < 6; i++) d[i] = DATE_DIGITS[day * 6 + i];
        d[6] = male ? 5 : 6; // born 2000–2099
        while (true) {
            int serial = counters[slot]++ * parts + part;
            if (serial > 9999) throw new IllegalStateException("IIN serials exhausted for one birth day");
            d[7] = serial / 1000;
            d[8] = serial / 100 % 10;
            d[9] = serial / 10 % 10;
            d[10] = serial % 10;
            int check = checkDigit(d);
            if (check < 0) continue;
            for (int i = 0; i < 11; i++) iin[i] = (byte) ('0' + d[i]);
            iin[11] = (byte) ('0' + check);
            return new String(iin, StandardCharsets.ISO_8859_1);
        }
    }

    /** The IIN this writer composes for a birth date, sex and serial, or null — for comparison with Iin.compose. */
    static String compose(LocalDate birthDate, boolean male, int serial) {
        int day = (int) (birthDate.toEpochDay() - DAY_ZERO);
        int[] digits = new int[11];
        for (int i = 0; i < 6; i++) digits[i] = DATE_DIGITS[day * 6 + i];
        digits[6] = male ? 5 : 6;
        digits[7] = serial / 1000;
        digits[8] = serial / 100 % 10;
        digits[9] = serial / 10 % 10;
        digits[10] = serial % 10;
        int check = checkDigit(digits);
        if (check < 0) return null;
        var sb = new StringBuilder();
        for (int d : digits) sb.append(d);
        return sb.append(check).toString();
    }

    static int checkDigit(int[] digits) {
        int sum = 0;
        for (int i = 0; i < 11; i++) sum += digits[i] * (i + 1);
        int s = sum % 11;
        if (s == 10) {
            sum = 0;
            for (int i = 0; i < 11; i++) sum += digits[i] * SECOND_WEIGHTS[i];
            s = sum % 11;
        }
        return s == 10 ? -1 : s;
    }
}
