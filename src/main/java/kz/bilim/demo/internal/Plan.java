package kz.bilim.demo.internal;

import kz.bilim.identity.Bin;
import kz.bilim.kernel.Role;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.Ownership;
import kz.bilim.organisation.SchoolClassId;
import kz.bilim.territory.KatoCode;
import kz.bilim.territory.Territory;

import java.util.ArrayList;
import java.util.List;

/**
 * The skeleton of a demo data set: territories, localities with their children by birth year, organisations,
 * classes and users, with every id range fixed in advance. It is small (about 200,000 objects at national scale);
 * the millions of persons and enrolments are generated from it as streams, never held in memory. Two streams that
 * walk the plan in the same order agree on every person id, which is what lets them be loaded in parallel.
 */
final class Plan {

    /** The school year the data describe, and the day the data are "as of". */
    static final int SCHOOL_YEAR = 2026;
    static final int FIRST_COHORT = 2008;
    static final int COHORTS = 19; // born 2008 … 2026: aged 0–18
    static final long AS_OF_EPOCH_DAY = java.time.LocalDate.of(2026, 11, 1).toEpochDay();

    final String scale;
    final long seed;
    final Ids ids;
    final List<Territory> territories = new ArrayList<>();
    final List<Locality> localities = new ArrayList<>();
    final List<Org> organisations = new ArrayList<>();
    final List<DemoUser> users = new ArrayList<>();
    long classes;
    long persons;
    long enrolments;

    Plan(String scale, long seed, Ids ids) {
        this.scale = scale;
        this.seed = seed;
        this.ids = ids;
    }

    /** The last id already used in each table: generated ids start right after them. */
    record Ids(long organisation, long schoolClass, long person, long enrolment) {
        static final Ids EMPTY = new Ids(0, 0, 0, 0);
    }

    /** A place where children live and organisations stand: a village, a town or a city district. */
    static final class Locality {
        final int index;
        final String kato;
        final boolean urban;
        final Geography.Region region;
        /** The city or village as written in addresses, in Russian, and its Latin form for e-mail addresses. */
        final String placeKk;
        final String placeRu;
        final String placeLatin;
        final boolean cityPrefix;
        final int[] children = new int[COHORTS];
        /** Children of each birth year enrolled somewhere, by nominal birth year of their grade or group. */
        final int[] enrolled = new int[COHORTS];
        final List<Org> orgs = new ArrayList<>();
        final KatoCode code;
        long personBase;
        long personCount;

        Locality(int index, String kato, boolean urban, Geography.Region region, String placeKk, String placeRu,
                 String placeLatin, boolean cityPrefix) {
            this.placeKk = placeKk;
            this.index = index;
            this.kato = kato;
            this.code = new KatoCode(kato);
            this.urban = urban;
            this.region = region;
            this.placeRu = placeRu;
            this.placeLatin = placeLatin;
            this.cityPrefix = cityPrefix;
        }

        String kazakhPlace() {
            return placeKk;
        }

        int totalChildren() {
            int sum = 0;
            for (int c : children) sum += c;
            return sum;
        }

        int others(int cohort) {
            return children[cohort] - enrolled[cohort];
        }
    }

    static final class Org {
        long id;
        final int index;
        final Locality locality;
        final OrganisationKind kind;
        Bin bin;
        String nameKk;
        String nameRu;
        Ownership ownership = Ownership.STATE;
        String[] languages;
        int shifts = 1;
        String phone;
        String postalAddress;
        String email;
        String website;
        final List<ClassPlan> classes = new ArrayList<>();
        /** Preschool or college: children by birth-year index, and the first person id among them. */
        int[] group;
        long groupPersonBase;

        Org(int index, Locality locality, OrganisationKind kind) {
            this.index = index;
            this.locality = locality;
            this.kind = kind;
        }

        private OrganisationId ref;

        /** The id as the organisation module types it, made once. */
        OrganisationId ref() {
            if (ref == null) ref = OrganisationId.of(id);
            return ref;
        }

        int pupils() {
            int sum = 0;
            for (ClassPlan c : classes) sum += c.pupils;
            if (group != null) for (int g : group) sum += g;
            return sum;
        }
    }

    static final class ClassPlan {
        long id;
        final Org org;
        final int grade;
        final String letter;
        final String language;
        final int shift;
        final int capacity;
        final int pupils;
        long personBase;

        ClassPlan(Org org, int grade, String letter, String language, int shift, int capacity, int pupils) {
            this.org = org;
            this.grade = grade;
            this.letter = letter;
            this.language = language;
            this.shift = shift;
            this.capacity = capacity;
            this.pupils = pupils;
        }

        private SchoolClassId ref;

        SchoolClassId ref() {
            if (ref == null) ref = SchoolClassId.of(id);
            return ref;
        }

        /** The nominal birth year of the grade: a pupil of grade g in 2026/27 was born in 2026 − 6 − g. */
        int cohortYear() {
            return SCHOOL_YEAR - 6 - grade;
        }
    }

    /** A demo user; {@code scopeKato} for territorial roles, {@code org} for organisation admins. */
    record DemoUser(String username, String password, Role role, String fullName, String scopeKato, Org org,
                    String locale, String territoryName) {

        String kato() {
            if (org != null) return org.locality.kato;
            return scopeKato == null ? "" : scopeKato;
        }

        /**
         * The user's own IIN, the same at every scale and seed: an adult born 1970-1994 on a day taken from the
         * username, the sex from the patronymic (…қызы, …овна/…евна/…ична: female). Used for their test certificates.
         */
        kz.bilim.identity.Iin iin() {
            String patronymic = fullName.split(" ")[1];
            boolean female = patronymic.endsWith("қызы") || patronymic.endsWith("кызы") || patronymic.endsWith("вна")
                    || patronymic.endsWith("ична");
            java.time.LocalDate born = java.time.LocalDate.of(1970, 1, 1).plusDays(Math.floorMod(username.hashCode(), 25 * 365));
            for (int serial = 7000 + Math.floorMod(username.hashCode(), 1000); ; serial++) {
                var iin = kz.bilim.identity.Iin.compose(born, female ? kz.bilim.identity.Sex.FEMALE : kz.bilim.identity.Sex.MALE, serial);
                if (iin != null) return iin;
            }
        }
    }

    long rows() {
        return territories.size() + organisations.size() + classes + persons + enrolments + users.size();
    }
}
