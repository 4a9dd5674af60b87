package kz.bilim.signature.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code bilim.signature.*} (docs/signature.md): {@code trusted-ca} - PEM files of the certification authorities whose
 * certificates are trusted (in production NCA RK's root and intermediate certificates); {@code key-dir} - the folder
 * of the provider's keys, one PKCS#12 file {@code <alias>.p12} each; {@code key-password} - their password;
 * {@code test-pki.dir} and {@code test-pki.generate} - with no {@code trusted-ca}, the test PKI in that folder (blank: a
 * temporary folder) is trusted, and made on first use if missing; {@code key-dir} then defaults to it too.
 */
@ConfigurationProperties("bilim.signature")
public record SignatureProperties(List<String> trustedCa, String keyDir, String keyPassword, TestPkiSettings testPki) {

    public SignatureProperties {
        trustedCa = trustedCa == null ? List.of() : trustedCa.stream().filter(s -> s != null && !s.isBlank()).toList();
        keyPassword = keyPassword == null || keyPassword.isEmpty() ? "bilim-test" : keyPassword;
        testPki = testPki == null ? new TestPkiSettings(null, false) : testPki;
    }

    public record TestPkiSettings(String dir, boolean generate) {
    }

    public boolean usesTestPki() {
        return trustedCa.isEmpty() && testPki.generate();
    }
}
