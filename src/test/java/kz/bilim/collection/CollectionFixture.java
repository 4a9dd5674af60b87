package kz.bilim.collection;

import kz.bilim.TestUsers;
import kz.bilim.access.BilimUser;
import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.kernel.Role;
import kz.bilim.signature.PkiIdentity;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.SigningKey;
import kz.bilim.signature.SigningKeys;
import kz.bilim.signature.TestPki;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Fixtures for collection tests: territories, organisations and pupils through {@link RegistryFixture}, a school
 * passport form as the ministry's API takes it, and heads' signing keys issued by the trusted test CA.
 */
final class CollectionFixture {

    final RegistryFixture registry;
    final JdbcClient owner;

    CollectionFixture(OwnerDataSource ownerDataSource, YearMonth binMonth, int iinSerialBlock) {
        this.registry = new RegistryFixture(ownerDataSource, binMonth, iinSerialBlock);
        this.owner = registry.owner();
    }

    String bin(long organisation) {
        return owner.sql("select bin from organisation where id = ?").param(organisation).query(String.class).single();
    }

    /** The head's key for the school: an organisation certificate with its BIN, from the trusted test CA. */
    SigningKey headKey(SigningKeys keys, long organisation) {
        return key(keys, organisation, registry.nextIin(LocalDate.of(1972, 5, 17), Sex.FEMALE));
    }

    /** A certificate of the school (its BIN) issued to this person. */
    SigningKey key(SigningKeys keys, long organisation, Iin iin) {
        TestPki pki = TestPki.load(keys.testPkiFolder().orElseThrow(), "bilim-test".toCharArray());
        return pki.issue(PkiIdentity.employee("head." + organisation, "Әбенова", "Сәуле", "Қайратқызы", iin,
                new Bin(bin(organisation)), "Мектеп " + organisation));
    }

    /** A territory officer (EIS-6) whose account records their IIN, with a personal key from the trusted test CA. */
    record Officer(BilimUser user, SigningKey key) {
        RequestPostProcessor as() {
            return TestUsers.as(user);
        }
    }

    /** An officer of the district, region or ministry: the KATO code of the territory ('' the ministry). */
    Officer officer(SigningKeys keys, Role role, String kato) {
        Iin iin = registry.nextIin(LocalDate.of(1980, 3, 9), Sex.MALE);
        BilimUser user = switch (role) {
            case DISTRICT_OFFICER -> TestUsers.districtUser(kato, iin.value());
            case REGION_OFFICER -> TestUsers.regionUser(kato, iin.value());
            case MINISTRY_ADMIN -> TestUsers.ministryUser(iin.value());
            default -> throw new IllegalArgumentException(role.name());
        };
        TestPki pki = TestPki.load(keys.testPkiFolder().orElseThrow(), "bilim-test".toCharArray());
        return new Officer(user, pki.issue(PkiIdentity.person("officer." + iin.value(), "Бақылаушы", "Ерлан", "Маратұлы",
                iin)));
    }

    /**
     * EIS-5, EIS-6: {@code who} reads the bytes to sign of the submission, signs them with {@code key} (the client's
     * work) and submits the signature.
     */
    static ResultActions submitSigned(MockMvc mvc, Signatures signatures, long submission, RequestPostProcessor who,
                                      SigningKey key) throws Exception {
        byte[] content = mvc.perform(get("/api/v1/collection/submissions/" + submission + "/content").with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return mvc.perform(post("/api/v1/collection/submissions/" + submission + "/submission").with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"signature\": \"" + Base64.getEncoder().encodeToString(signatures.sign(content, key)) + "\"}"));
    }

    /** A hire request as the staff API takes it. */
    static String hire(Iin iin, String position, LocalDate startsOn) {
        return """
                {"iin": "%s", "lastName": "Директоров", "firstName": "Ерлан", "patronymic": "Маратұлы",
                 "birthDate": "%s", "sex": "%s", "position": "%s", "contractNumber": "ЕШ-%s",
                 "contractDate": "%s", "startsOn": "%s"}
                """.formatted(iin.value(), iin.birthDate(), iin.sex(), position, iin.value().substring(6), startsOn,
                startsOn);
    }

    void pupils(long organisation, String kato, int count) {
        for (int i = 0; i < count; i++) {
            Iin iin = registry.nextIin(LocalDate.of(2014, 2, 3), i % 2 == 0 ? Sex.MALE : Sex.FEMALE);
            long person = registry.person(iin, "Оқушы", "Бала" + i, kato);
            registry.enrolment(person, organisation, null, kato, 5, LocalDate.of(2025, 9, 1));
        }
    }

    long count(String sql, Object... params) {
        var spec = owner.sql(sql);
        for (int i = 0; i < params.length; i++) spec = spec.param(i + 1, params[i]);
        return spec.query(Long.class).single();
    }

    static String texts(String en) {
        return "{\"kk\": \"" + en + " (kk)\", \"ru\": \"" + en + " (ru)\", \"en\": \"" + en + "\"}";
    }

    /** A school passport: pupils and classes from the registries, computers ≤, a choice, a date, a table. */
    static String passport(String code, int year, String kind, String extra) {
        return """
                {"code": "%s", "year": %d, "kind": "%s", "periodicity": "ANNUAL", "name": %s,
                 "orderRef": "№ 12-Т", "appliesTo": ["GENERAL_SECONDARY_SCHOOL"],
                 "definition": {"sections": [
                   {"code": "S1", "title": %s, "fields": [
                     {"code": "pupils", "type": "NUMBER", "label": %s, "required": true, "min": 0, "integer": true,
                      "registry": "PUPILS", "tolerancePercent": 2},
                     {"code": "classes", "type": "NUMBER", "label": %s, "integer": true, "registry": "CLASSES"},
                     {"code": "computers", "type": "NUMBER", "label": %s, "required": true, "min": 0, "max": 5000, "integer": true},
                     {"code": "computers_internet", "type": "NUMBER", "label": %s, "required": true, "min": 0, "integer": true},
                     {"code": "camp", "type": "CHOICE", "label": %s, "options": ["yes", "no"]},
                     {"code": "inspected_on", "type": "DATE", "label": %s},
                     {"code": "note", "type": "TEXT", "label": %s, "maxLength": 100},
                     {"code": "deep_study", "type": "TABLE", "label": %s, "min": 0, "integer": true,
                      "rows": [{"code": "MATH", "label": %s}, {"code": "PHYS", "label": %s}]}%s]}],
                  "rules": [{"code": "internet_within", "left": "computers_internet", "op": "LE", "right": "computers"}]}}
                """.formatted(code, year, kind, texts("School passport"), texts("Section"), texts("Pupils"),
                texts("Classes"), texts("Computers"), texts("Computers with internet"), texts("Camp"),
                texts("Inspected on"), texts("Note"), texts("Deep study classes"), texts("Mathematics"),
                texts("Physics"), extra);
    }
}
