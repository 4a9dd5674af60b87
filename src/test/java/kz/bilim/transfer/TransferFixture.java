package kz.bilim.transfer;

import kz.bilim.access.BilimUser;
import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.PkiIdentity;
import kz.bilim.signature.SigningKey;
import kz.bilim.signature.SigningKeys;
import kz.bilim.signature.TestPki;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;

/**
 * Fixtures for transfer tests: a district of their own, schools with contacts and classes, children in the registry,
 * an applicant account with an IIN and a test certificate, and a signing key for each school (written into the test
 * PKI's folder, which {@link SigningKeys} reloads).
 */
public final class TransferFixture {

    static final char[] PASSWORD = "bilim-test".toCharArray();

    public final RegistryFixture registry;
    public final JdbcClient owner;
    final SigningKeys keys;
    final TestPki pki;
    public final int year;
    private int aliasSerial;

    public TransferFixture(OwnerDataSource ownerDataSource, SigningKeys keys, YearMonth binMonth, int iinBlock) {
        this.registry = new RegistryFixture(ownerDataSource, binMonth, iinBlock);
        this.owner = registry.owner();
        this.keys = keys;
        this.pki = TestPki.load(keys.testPkiFolder().orElseThrow(), PASSWORD);
        this.year = AcademicYear.current(Clock.system(kz.bilim.kernel.Almaty.ZONE)).startYear();
    }

    /** A school with contacts and a signing key of its own (OU=BIN…). */
    public long school(String settlement, String name) {
        long id = registry.organisation(settlement, name, "GENERAL_SECONDARY_SCHOOL", 1, "kk", "ru");
        owner.sql("""
                update organisation set phone = '+7 7142 50 10 20', postal_address = 'Көктем к-сі, 5',
                       email = 'school@bilim.test', website = 'https://school.bilim.test' where id = :id
                """).param("id", id).update();
        String bin = owner.sql("select bin from organisation where id = :id").param("id", id).query(String.class).single();
        Iin head = registry.nextIin(LocalDate.of(1975, 3, 15), Sex.FEMALE);
        String alias = "transfer-school-" + id;
        var key = pki.issue(PkiIdentity.employee(alias, "Есенова", "Гүлнұр", "Берікқызы", head, new Bin(bin),
                "Мектеп " + name));
        Path folder = keys.testPkiFolder().orElseThrow();
        TestPki.writeKeyStore(folder.resolve(alias + ".p12"), alias, key.privateKey(), key.chain(), PASSWORD);
        keys.reload();
        return id;
    }

    public String kato(long organisation) {
        return owner.sql("select kato from organisation where id = :id").param("id", organisation).query(String.class).single();
    }

    public long schoolClass(long school, int grade, String letter, int capacity) {
        return registry.schoolClass(school, kato(school), year, grade, letter, "kk", capacity);
    }

    /** A pupil of the grade in the class (enrolled on 1 September); returns the person id. */
    public long pupil(Iin iin, String lastName, long school, long schoolClass, int grade, String residence) {
        long person = registry.person(iin, lastName, "Әлия", residence);
        registry.enrolment(person, school, schoolClass, kato(school), grade, LocalDate.of(year, 9, 1));
        return person;
    }

    public Iin childIin(int grade) {
        return registry.nextIin(LocalDate.of(year - grade - 5, 4, 12), Sex.FEMALE);
    }

    /** An applicant's account row (the foreign key of the application) with the IIN, and the user signed in as it. */
    /** Links the child to the parent in the registry (V105), as the demo does for its applicant. */
    public void linkParent(long person, Iin parent) {
        owner.sql("insert into person_parent (person_id, parent_iin) values (:p, :iin)").param("p", person)
                .param("iin", parent.value()).update();
    }

    public Applicant applicant(String username) {
        Iin iin = registry.nextIin(LocalDate.of(1988, 4, 12), Sex.FEMALE);
        long id = owner.sql("""
                insert into app_user (username, password_hash, full_name, role, iin)
                values (:u, 'x', 'Жанар Мұратқызы Тоқтарова', 'APPLICANT', :iin) returning id
                """).param("u", username).param("iin", iin.value()).query(Long.class).single();
        var user = new BilimUser(id, username, "", "Жанар Мұратқызы Тоқтарова", Role.APPLICANT, Scope.none(), "", null,
                "kk", true, 0, iin.value());
        var key = pki.issue(PkiIdentity.person(username + "-" + (aliasSerial++), "Тоқтарова", "Жанар", "Мұратқызы", iin));
        return new Applicant(user, iin, key);
    }

    /** Puts the key into the test PKI's folder, where {@link SigningKeys} finds it (the demo's server-side signing). */
    public void store(SigningKey key) {
        Path folder = keys.testPkiFolder().orElseThrow();
        TestPki.writeKeyStore(folder.resolve(key.alias() + ".p12"), key.alias(), key.privateKey(), key.chain(), PASSWORD);
        keys.reload();
    }

    public record Applicant(BilimUser user, Iin iin, SigningKey key) {
    }

    public static BilimUser schoolAdmin(long organisation, String kato) {
        return new BilimUser(910000 + organisation, "test.transfer.school." + organisation, "", "Гүлнұр Берікқызы Есенова",
                Role.ORGANISATION_ADMIN, Scope.organisation(organisation), kato, organisation, "kk", true, 0);
    }

    /** The application form as JSON (no signature yet). */
    public static String form(Iin child, String lastName, long school, String date, String ground, String document,
                              boolean consent, String grade) {
        return """
                {"childIin": "%s", "childLastName": "%s", "grade": %s, "parentPhone": "+7 701 234 56 78",
                 "registeredAddress": "Абай даңғылы, 10, 5-пәтер", "requestedOrganisationId": "%d", "consent": %s,
                 "date": "%s", "exceptionGround": %s, "supportingDocument": %s%%s}
                """.formatted(child.value(), lastName, grade == null ? "null" : "\"" + grade + "\"", school, consent,
                date, ground == null ? "null" : "\"" + ground + "\"", document == null ? "null" : "\"" + document + "\"");
    }

    public static String withSignature(String form, byte[] signature) {
        return form.formatted(signature == null ? "" : ", \"signature\": \"" + Base64.getEncoder().encodeToString(signature) + "\"");
    }

    public static String unsigned(String form) {
        return form.formatted("");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
