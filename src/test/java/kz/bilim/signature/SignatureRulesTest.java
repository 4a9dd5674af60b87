package kz.bilim.signature;

import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.signature.internal.Cms;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static kz.bilim.signature.SignatureFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of verifying a detached CMS signature, on in-memory test PKIs (no database, no Spring). */
class SignatureRulesTest {

    static final Instant NOW = Instant.parse("2026-05-29T14:05:00Z");
    static final byte[] DOCUMENT = "Өтініш: менің балам Әлихан қабылдауды сұраймын. Заявление.".getBytes(StandardCharsets.UTF_8);

    static TestPki pki;
    static TestPki stranger;
    static SigningKey applicant;
    static SigningKey head;

    @BeforeAll
    static void issue() {
        pki = TestPki.create("BILIM TEST CA");
        stranger = TestPki.create("SOME OTHER CA");
        applicant = pki.issue(APPLICANT);
        head = pki.issue(HEAD);
    }

    private static Outcome<Signer> verify(byte[] content, byte[] signature, SignatureCheck check) {
        return Cms.verify(content, signature, check, List.of(pki.caCertificate()), NOW, Almaty.ZONE);
    }

    private static byte[] sign(byte[] content, SigningKey key) {
        return Cms.sign(content, key, NOW);
    }

    private static Refusal refusal(Outcome<Signer> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<Signer>) outcome).refusal();
    }

    private static void assertRefused(Outcome<Signer> outcome, String reasonKey) {
        Refusal refusal = refusal(outcome);
        assertThat(refusal.code()).isEqualTo(Refusal.Code.RULE_REFUSED);
        assertThat(refusal.clause()).isEqualTo("TR-17");
        assertThat(refusal.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("signature");
            assertThat(e.reasonKey()).isEqualTo(reasonKey);
        });
    }

    @Test
    @DisplayName("TR-17: a detached signature made with the applicant's key verifies and names the applicant's IIN")
    void applicantSignatureVerifies() {
        Signer signer = verify(DOCUMENT, sign(DOCUMENT, applicant), SignatureCheck.byPerson("TR-17", APPLICANT_IIN)).orElseThrow();
        assertThat(signer.iin()).isEqualTo(APPLICANT_IIN);
        assertThat(signer.bin()).isNull();
        assertThat(signer.commonName()).isEqualTo("ТОҚТАРОВА ЖАНАР");
        assertThat(signer.claimedSigningTime()).isEqualTo(NOW);
        assertThat(signer.certificateSerial()).isEqualTo(applicant.certificate().getSerialNumber().toString(16));
    }

    @Test
    @DisplayName("TR-4, EIS-5: a school head's certificate carries the school's BIN; it verifies for the school and for the head")
    void organisationSignatureVerifies() {
        byte[] signature = sign(DOCUMENT, head);
        Signer signer = verify(DOCUMENT, signature, SignatureCheck.byOrganisation("TR-4", SCHOOL_BIN)).orElseThrow();
        assertThat(signer.bin()).isEqualTo(SCHOOL_BIN);
        assertThat(signer.iin()).isEqualTo(HEAD_IIN);
        assertThat(signer.organisation()).isEqualTo("«№ 1 жалпы білім беретін орта мектеп» КММ");
        assertThat(verify(DOCUMENT, signature, SignatureCheck.byEmployee("EIS-5", HEAD_IIN, SCHOOL_BIN)).isDone()).isTrue();
    }

    @Test
    @DisplayName("TR-17: a document changed after signing (one byte) is refused as tampered")
    void tamperedDocument() {
        byte[] signature = sign(DOCUMENT, applicant);
        byte[] changed = DOCUMENT.clone();
        changed[changed.length - 1] ^= 1;
        assertRefused(verify(changed, signature, SignatureCheck.byPerson("TR-17", APPLICANT_IIN)), "signature.refused.tampered");
    }

    @Test
    @DisplayName("TR-17: a signature whose signature value was changed is refused as tampered")
    void tamperedSignature() {
        byte[] signature = sign(DOCUMENT, applicant);
        signature[signature.length - 10] ^= 1; // inside the RSA signature value, the last field of the SignerInfo
        assertRefused(verify(DOCUMENT, signature, SignatureCheck.byPerson("TR-17", APPLICANT_IIN)), "signature.refused.tampered");
    }

    @Test
    @DisplayName("TR-17: a certificate from a CA that is not trusted is refused, even with the right IIN")
    void untrustedCertificate() {
        SigningKey forged = stranger.issue(APPLICANT);
        assertRefused(verify(DOCUMENT, sign(DOCUMENT, forged), SignatureCheck.byPerson("TR-17", APPLICANT_IIN)),
                "signature.refused.untrusted");
    }

    @Test
    @DisplayName("TR-17: an expired certificate is refused, with the day it expired")
    void expiredCertificate() {
        SigningKey old = pki.issue(APPLICANT, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
        Outcome<Signer> outcome = verify(DOCUMENT, sign(DOCUMENT, old), SignatureCheck.byPerson("TR-17", APPLICANT_IIN));
        assertRefused(outcome, "signature.refused.expired");
        assertThat(refusal(outcome).errors().get(0).args()).containsExactly("2025-01-01");
    }

    @Test
    @DisplayName("TR-17: a certificate not yet valid is refused")
    void notYetValidCertificate() {
        SigningKey future = pki.issue(APPLICANT, Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));
        assertRefused(verify(DOCUMENT, sign(DOCUMENT, future), SignatureCheck.byPerson("TR-17", APPLICANT_IIN)),
                "signature.refused.not-yet-valid");
    }

    @Test
    @DisplayName("TR-17: another person's valid certificate is refused for the applicant")
    void anotherPersonsCertificate() {
        SigningKey other = pki.issue(OTHER_PERSON);
        assertRefused(verify(DOCUMENT, sign(DOCUMENT, other), SignatureCheck.byPerson("TR-17", APPLICANT_IIN)),
                "signature.refused.other-person");
    }

    @Test
    @DisplayName("TR-4: a person's own certificate, or another school's, is refused for the school")
    void anotherOrganisation() {
        SignatureCheck school = new SignatureCheck("TR-17", null, null, SCHOOL_BIN);
        assertRefused(verify(DOCUMENT, sign(DOCUMENT, applicant), school), "signature.refused.other-organisation");
        SigningKey elsewhere = pki.issue(PkiIdentity.employee("elsewhere", "Омаров", "Бауыржан", null, OTHER_IIN,
                OTHER_BIN, "Ащытау ауылының мектебі"));
        assertRefused(verify(DOCUMENT, sign(DOCUMENT, elsewhere), school), "signature.refused.other-organisation");
    }

    @Test
    @DisplayName("TR-17: bytes that are not a CMS signature are refused as malformed; none at all as a missing field")
    void malformedAndMissing() {
        assertRefused(verify(DOCUMENT, "not a signature".getBytes(StandardCharsets.UTF_8),
                SignatureCheck.anySigner("TR-17")), "signature.refused.malformed");
        Refusal missing = refusal(verify(DOCUMENT, new byte[0], SignatureCheck.anySigner("TR-17").inField("applicationSignature")));
        assertThat(missing.code()).isEqualTo(Refusal.Code.INVALID_INPUT);
        assertThat(missing.errors().get(0).field()).isEqualTo("applicationSignature");
        assertThat(missing.errors().get(0).reasonKey()).isEqualTo("error.field.required");
    }

    @Test
    @DisplayName("TR-17: a certificate that is for authentication only (no non-repudiation) does not sign documents")
    void authenticationCertificateRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        TestPki ca = TestPki.create("AUTH TEST CA");
        // the test CA's own key is not exposed: make the auth certificate self-issued by a CA written to disk
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("auth-ca");
        ca.write(folder, List.of(), "pw".toCharArray());
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(folder.resolve(TestPki.CA_KEY_STORE))) {
            store.load(in, "pw".toCharArray());
        }
        var caKey = (java.security.PrivateKey) store.getKey(TestPki.CA_ALIAS, "pw".toCharArray());
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "ТОҚТАРОВА ЖАНАР")
                .addRDN(BCStyle.SERIALNUMBER, "IIN" + APPLICANT_IIN.value()).addRDN(BCStyle.C, "KZ").build();
        X509Certificate auth = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                ca.caCertificate(), BigInteger.valueOf(77), Date.from(Instant.parse("2026-01-01T00:00:00Z")),
                Date.from(Instant.parse("2027-01-01T00:00:00Z")), subject, pair.getPublic())
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)));
        SigningKey key = new SigningKey("auth", pair.getPrivate(), List.of(auth));
        Outcome<Signer> outcome = Cms.verify(DOCUMENT, Cms.sign(DOCUMENT, key, NOW), SignatureCheck.byPerson("TR-17", APPLICANT_IIN),
                List.of(ca.caCertificate()), NOW, Almaty.ZONE);
        assertRefused(outcome, "signature.refused.not-for-signing");
    }

    @Test
    @DisplayName("NCA RK subjects: IIN from serialNumber 'IIN…', BIN from OU 'BIN…'; a bad checksum counts as none")
    void certificateSubject() {
        assertThat(CertificateSubject.iin(head.certificate())).isEqualTo(HEAD_IIN);
        assertThat(CertificateSubject.bin(head.certificate())).isEqualTo(SCHOOL_BIN);
        assertThat(CertificateSubject.bin(applicant.certificate())).isNull();
        assertThat(head.certificate().getSubjectX500Principal().getName())
                .contains("2.5.4.5=#", "OU=BIN150240021267", "C=KZ");
    }
}
