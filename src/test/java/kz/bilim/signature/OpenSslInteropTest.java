package kz.bilim.signature;

import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.Outcome;
import kz.bilim.signature.internal.Cms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static kz.bilim.signature.SignatureFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signatures are standard: OpenSSL verifies what the module signs, and the module verifies what OpenSSL signs,
 * with the files {@link TestPki#write} makes ({@code openssl} must be on the PATH; scripts/test.sh installs it).
 */
class OpenSslInteropTest {

    static final char[] PASSWORD = "bilim-test".toCharArray();

    @TempDir
    static Path folder;
    static List<SigningKey> keys;
    static Path pdf;

    @BeforeAll
    static void pki() throws IOException {
        keys = TestPki.create(TestPki.DEFAULT_CA_NAME).write(folder, List.of(APPLICANT, HEAD), PASSWORD);
        pdf = folder.resolve("notice.pdf");
        Files.write(pdf, ("%PDF-1.7\nХабарлама: Тоқтарова Әлия 5 сыныпқа ауыстырылды. Уведомление о переводе.\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    record Run(int exit, String output) {
    }

    private static Run openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Outcome<Signer> verify(byte[] content, byte[] signature, SignatureCheck check) throws Exception {
        try (var in = Files.newInputStream(folder.resolve(TestPki.CA_CERTIFICATE))) {
            var trusted = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return Cms.verify(content, signature, check, List.of(trusted), Instant.now(), Almaty.ZONE);
        }
    }

    @Test
    @DisplayName("TR-4: openssl cms -verify accepts the school's detached signature of a notice that the module made")
    void opensslVerifiesOurSignature() throws Exception {
        SigningKey school = keys.get(1);
        Files.write(folder.resolve("notice.p7s"), Cms.sign(Files.readAllBytes(pdf), school, Instant.now()));

        Run ok = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", "notice.p7s", "-content", "notice.pdf",
                "-CAfile", TestPki.CA_CERTIFICATE, "-out", "verified.out");
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("Verification successful");
        assertThat(Files.readAllBytes(folder.resolve("verified.out"))).isEqualTo(Files.readAllBytes(pdf));

        // the same check is honest: a changed document fails it
        byte[] changed = Files.readAllBytes(pdf);
        changed[10] ^= 1;
        Files.write(folder.resolve("changed.pdf"), changed);
        Run tampered = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", "notice.p7s", "-content", "changed.pdf",
                "-CAfile", TestPki.CA_CERTIFICATE, "-out", "/dev/null");
        assertThat(tampered.exit()).as(tampered.output()).isNotZero();
        assertThat(tampered.output()).doesNotContain("Verification successful");
    }

    @Test
    @DisplayName("TR-17: the module accepts a detached signature made by openssl cms -sign with the applicant's test key")
    void weVerifyOpensslSignature() throws Exception {
        Run signed = openssl("cms", "-sign", "-binary", "-md", "sha256", "-outform", "DER", "-in", "notice.pdf",
                "-signer", "applicant.pem", "-inkey", "applicant.key.pem", "-out", "applicant.p7s");
        assertThat(signed.exit()).as(signed.output()).isZero();
        byte[] signature = Files.readAllBytes(folder.resolve("applicant.p7s"));

        Signer signer = verify(Files.readAllBytes(pdf), signature, SignatureCheck.byPerson("TR-17", APPLICANT_IIN)).orElseThrow();
        assertThat(signer.iin()).isEqualTo(APPLICANT_IIN);
        assertThat(signer.commonName()).isEqualTo("ТОҚТАРОВА ЖАНАР");

        byte[] changed = Files.readAllBytes(pdf);
        changed[changed.length - 3] ^= 1;
        assertThat(verify(changed, signature, SignatureCheck.byPerson("TR-17", APPLICANT_IIN)).isDone()).isFalse();
        assertThat(verify(Files.readAllBytes(pdf), signature, SignatureCheck.byPerson("TR-17", OTHER_IIN)).isDone()).isFalse();
    }

    @Test
    @DisplayName("the test PKI folder: the CA, and per identity a PKCS#12 key store, the certificate, the PEM key, listed in identities.tsv")
    void folderLayout() throws Exception {
        for (String file : List.of("test-ca.pem", "test-ca.p12", "applicant.p12", "applicant.pem", "applicant.key.pem",
                "school.head.p12", "identities.tsv"))
            assertThat(folder.resolve(file)).exists();
        assertThat(Files.readString(folder.resolve("identities.tsv")))
                .contains("applicant\t" + APPLICANT_IIN.value() + "\t\t")
                .contains("school.head\t" + HEAD_IIN.value() + "\t" + SCHOOL_BIN.value());
        Run subject = openssl("x509", "-in", "school.head.pem", "-noout", "-subject", "-nameopt", "RFC2253,-esc_msb");
        assertThat(subject.output()).contains("serialNumber=IIN" + HEAD_IIN.value()).contains("OU=BIN" + SCHOOL_BIN.value());
        Run p12 = openssl("pkcs12", "-in", "applicant.p12", "-nokeys", "-passin", "pass:bilim-test", "-out", "/dev/null");
        assertThat(p12.exit()).as(p12.output()).isZero();
    }
}
