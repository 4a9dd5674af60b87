package kz.bilim.organisation;

import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Role;
import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Fixture rows written as the schema owner (no row-level security): territories, organisations, classes, persons and
 * enrolments. Each test class passes its own BIN registration month and IIN serial block so that classes never collide.
 */
public final class RegistryFixture {

    private final JdbcClient owner;
    private final YearMonth binMonth;
    private int binSerial;
    private int iinSerial;

    public RegistryFixture(OwnerDataSource ownerDataSource, YearMonth binMonth, int iinSerialBlock) {
        this.owner = JdbcClient.create(ownerDataSource);
        this.binMonth = binMonth;
        this.binSerial = 100;
        this.iinSerial = iinSerialBlock;
    }

    public JdbcClient owner() {
        return owner;
    }

    /** A territory under the parent (the parent must exist); nothing happens when the code is already there. */
    public void territory(String kato, String parent, int level, boolean urban) {
        owner.sql("""
                        insert into territory (kato, parent_kato, level, name_kk, name_ru, urban)
                        values (:kato, :parent, :level, :kk, :ru, :urban) on conflict (kato) do nothing
                        """)
                .param("kato", kato).param("parent", parent).param("level", level)
                .param("kk", "Аумақ " + kato).param("ru", "Территория " + kato).param("urban", urban).update();
    }

    /** District (level 2) and one settlement (level 4, through a level-3 rural district) below it. */
    public String districtWithSettlement(String districtKato, boolean urban) {
        territory(districtKato, districtKato.substring(0, 2) + "0000000", 2, urban);
        String rural = districtKato.substring(0, 4) + "33000";
        territory(rural, districtKato, 3, urban);
        String settlement = districtKato.substring(0, 4) + "33101";
        territory(settlement, rural, 4, urban);
        return settlement;
    }

    public String nextBin() {
        while (true) {
            var bin = Bin.compose(binMonth, Bin.EntityType.RESIDENT, Bin.Attribute.HEAD_OFFICE, binSerial++);
            if (bin != null) return bin.value();
        }
    }

    public Iin nextIin(LocalDate birthDate, Sex sex) {
        while (true) {
            var iin = Iin.compose(birthDate, sex, iinSerial++);
            if (iin != null) return iin;
        }
    }

    public long organisation(String kato, String name, String kind, int shifts, String... languages) {
        return owner.sql("""
                        insert into organisation (bin, name_kk, name_ru, kind, ownership, kato, urban, languages, shifts)
                        values (:bin, :kk, :ru, :kind, 'STATE', :kato, false, string_to_array(:languages, ','), :shifts)
                        returning id
                        """)
                .param("bin", nextBin()).param("kk", name + " мектебі").param("ru", "Школа " + name)
                .param("kind", kind).param("kato", kato).param("languages", String.join(",", languages))
                .param("shifts", shifts)
                .query(Long.class).single();
    }

    public long schoolClass(long organisation, String kato, int year, int grade, String letter, String language,
                            int capacity) {
        return owner.sql("""
                        insert into school_class (organisation_id, kato, academic_year, grade, letter, language, capacity)
                        values (:org, :kato, :year, :grade, :letter, :language, :capacity) returning id
                        """)
                .param("org", organisation).param("kato", kato).param("year", year).param("grade", grade)
                .param("letter", letter).param("language", language).param("capacity", capacity)
                .query(Long.class).single();
    }

    public long person(Iin iin, String lastName, String firstName, String residenceKato) {
        return owner.sql("""
                        insert into person (iin, last_name, first_name, birth_date, sex, residence_kato)
                        values (:iin, :last, :first, :birth, :sex, :kato) returning id
                        """)
                .param("iin", iin.value()).param("last", lastName).param("first", firstName)
                .param("birth", iin.birthDate()).param("sex", iin.sex().name()).param("kato", residenceKato)
                .query(Long.class).single();
    }

    public long enrolment(long person, long organisation, Long schoolClass, String kato, Integer grade,
                          LocalDate from) {
        return owner.sql("""
                        insert into enrolment (person_id, organisation_id, class_id, kato, grade, enrolled_from,
                                               admission_order)
                        values (:person, :org, :class, :kato, :grade, :from, 'F-1') returning id
                        """)
                .param("person", person).param("org", organisation).param("class", schoolClass).param("kato", kato)
                .param("grade", grade).param("from", from)
                .query(Long.class).single();
    }

    /**
     * An account of a territorial role (scope = its territory). A plain insert: a username another test class already
     * took fails here, loudly, instead of signing in later with someone else's password.
     */
    public long officer(String username, String passwordHash, String fullName, Role role, String kato, String locale) {
        return owner.sql("""
                        insert into app_user (username, password_hash, full_name, role, scope_kato, kato, locale)
                        values (:username, :hash, :name, :role, :kato, :kato, :locale) returning id
                        """)
                .param("username", username).param("hash", passwordHash).param("name", fullName)
                .param("role", role.name()).param("kato", kato).param("locale", locale)
                .query(Long.class).single();
    }

    /** An organisation's administrator (scope = the organisation), in the organisation's territory. */
    public long administrator(String username, String passwordHash, String fullName, long organisation, String locale) {
        return owner.sql("""
                        insert into app_user (username, password_hash, full_name, role, organisation_id, kato, locale)
                        select :username, :hash, :name, 'ORGANISATION_ADMIN', o.id, o.kato, :locale
                          from organisation o where o.id = :org returning id
                        """)
                .param("username", username).param("hash", passwordHash).param("name", fullName)
                .param("org", organisation).param("locale", locale)
                .query(Long.class).single();
    }
}
