package kz.bilim.signature;

import kz.bilim.BilimTest;
import kz.bilim.kernel.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's trust and keys (bilim.signature.*): in tests, a test CA made in a temporary folder with a key
 * for every demo user, loaded as the provider's keys.
 */
@BilimTest
class SigningKeysTest {

    @Autowired
    SigningKeys keys;
    @Autowired
    Signatures signatures;
    @Autowired
    MessageSource messages;

    @Test
    @DisplayName("tests trust a generated test CA and hold a key for every demo user: applicants with their IIN, school heads with the school's BIN")
    void generatedTestPki() throws Exception {
        assertThat(keys.trustedCertificates()).singleElement()
                .satisfies(ca -> assertThat(ca.getSubjectX500Principal().getName()).contains(TestPki.DEFAULT_CA_NAME));
        Path folder = keys.testPkiFolder().orElseThrow();
        assertThat(folder.resolve(TestPki.CA_CERTIFICATE)).exists();
        assertThat(keys.aliases()).contains("applicant", "school.taraz", "school.zhambyl2", "kindergarten.taraz", "ministry");

        SigningKey applicant = keys.key("applicant").orElseThrow();
        assertThat(CertificateSubject.iin(applicant.certificate())).isNotNull();
        assertThat(CertificateSubject.bin(applicant.certificate())).isNull();
        assertThat(keys.forPerson(CertificateSubject.iin(applicant.certificate()))).contains(applicant);

        SigningKey school = keys.key("school.taraz").orElseThrow();
        assertThat(CertificateSubject.bin(school.certificate())).isNotNull();
        assertThat(keys.forOrganisation(CertificateSubject.bin(school.certificate()))).contains(school);
        assertThat(Files.readString(folder.resolve(TestPki.IDENTITIES)))
                .contains("school.taraz\t" + CertificateSubject.iin(school.certificate()).value() + "\t"
                        + CertificateSubject.bin(school.certificate()).value());
    }

    @Test
    @DisplayName("TR-4: the provider signs with its loaded key and the application verifies it against the trusted test CA")
    void signAndVerifyWithLoadedKeys() {
        SigningKey school = keys.key("school.taraz").orElseThrow();
        byte[] notice = "Хабарлама / Уведомление".getBytes(StandardCharsets.UTF_8);
        byte[] signature = signatures.sign(notice, school);
        Signer signer = signatures.verify(notice, signature,
                SignatureCheck.byOrganisation("TR-4", CertificateSubject.bin(school.certificate()))).orElseThrow();
        assertThat(signer.bin()).isEqualTo(CertificateSubject.bin(school.certificate()));

        Outcome<Signer> applicant = signatures.verify(notice, signature,
                SignatureCheck.byPerson("TR-17", CertificateSubject.iin(keys.key("applicant").orElseThrow().certificate())));
        assertThat(((Outcome.Refused<Signer>) applicant).refusal().errors().get(0).reasonKey())
                .isEqualTo("signature.refused.other-person");
    }

    @Test
    @DisplayName("each reason a signature is refused for reads in Kazakh, Russian and English")
    void reasonsInEveryLanguage() {
        String[] reasons = {"malformed", "not-one-signer", "no-certificate", "tampered", "untrusted", "ca-expired",
                "expired", "not-yet-valid", "not-for-signing", "no-iin", "other-person", "other-organisation"};
        for (String reason : reasons) {
            for (String language : new String[]{"kk", "ru", "en"}) {
                String text = messages.getMessage("signature.refused." + reason, new Object[]{"2025-01-01"}, null,
                        Locale.forLanguageTag(language));
                assertThat(text).as(reason + " in " + language).isNotBlank().doesNotContain("{0}");
            }
        }
        assertThat(messages.getMessage("signature.refused.tampered", null, Locale.forLanguageTag("kk")))
                .isEqualTo("құжатқа сәйкес емес: құжат немесе қолтаңба өзгертілген");
    }
}
