package kz.bilim.signature;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A test certification authority that issues certificates shaped like NCA RK's (see {@link PkiIdentity}): for the
 * demo, the tests and {@code scripts/test-pki.sh}. RSA 2048 with SHA-256; the CA certificate is a root with
 * {@code basicConstraints CA:true}; end-entity certificates are signing certificates (key usage digitalSignature and
 * nonRepudiation, extended key usage emailProtection, which {@code openssl cms -verify} requires). NEVER for production:
 * its keys are written to disk unprotected or with a public password.
 * <p>
 * The folder it writes ({@link #write}): {@value #CA_CERTIFICATE} (trust it), {@value #CA_KEY_STORE} (the CA's key,
 * to issue more), and per identity {@code <alias>.p12} (key and chain), {@code <alias>.pem} (certificate),
 * {@code <alias>.key.pem} (unencrypted PKCS#8 key, for {@code openssl cms -sign}), and {@value #IDENTITIES} listing them.
 */
public final class TestPki {

    public static final String CA_CERTIFICATE = "test-ca.pem";
    public static final String CA_KEY_STORE = "test-ca.p12";
    public static final String IDENTITIES = "identities.tsv";
    public static final String CA_ALIAS = "test-ca";
    public static final String DEFAULT_CA_NAME = "BILIM TEST CA (NOT FOR PRODUCTION)";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey caKey;
    private final X509Certificate caCertificate;

    private TestPki(PrivateKey caKey, X509Certificate caCertificate) {
        this.caKey = caKey;
        this.caCertificate = caCertificate;
    }

    /** A new self-signed test CA valid from {@code from} to {@code to}. */
    public static TestPki create(String caName, Instant from, Instant to) {
        try {
            KeyPair pair = rsa();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "KZ").addRDN(BCStyle.CN, caName).build();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(from),
                    Date.from(to), name, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            return new TestPki(pair.getPrivate(), sign(builder, pair.getPrivate()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot create the test CA", e);
        }
    }

    /**
     * The validity of test certificates: the calendar's years and one more, so that a fixed clock anywhere in
     * 2018-2030 ({@code bilim.clock.fixed}) still finds them valid. Real NCA RK certificates last a year.
     */
    public static final Instant VALID_FROM = Instant.parse("2018-01-01T00:00:00Z");
    public static final Instant VALID_TO = Instant.parse("2031-12-31T00:00:00Z");

    /** A test CA valid from {@link #VALID_FROM} to {@link #VALID_TO}. */
    public static TestPki create(String caName) {
        return create(caName, VALID_FROM, VALID_TO);
    }

    /** The test CA of a folder written by {@link #write}. */
    public static TestPki load(Path folder, char[] password) {
        try (InputStream in = Files.newInputStream(folder.resolve(CA_KEY_STORE))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return new TestPki((PrivateKey) store.getKey(CA_ALIAS, password),
                    (X509Certificate) store.getCertificate(CA_ALIAS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test CA in " + folder, e);
        }
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** A signing certificate and key for the identity, valid from {@code from} to {@code to}. */
    public SigningKey issue(PkiIdentity identity, Instant from, Instant to) {
        try {
            KeyPair pair = rsa();
            X509Certificate certificate = certificate(identity, pair.getPublic(), from, to);
            return new SigningKey(identity.alias(), pair.getPrivate(), List.of(certificate, caCertificate));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        }
    }

    /** A signing certificate valid from {@link #VALID_FROM} to {@link #VALID_TO}. */
    public SigningKey issue(PkiIdentity identity) {
        return issue(identity, VALID_FROM, VALID_TO);
    }

    private X509Certificate certificate(PkiIdentity id, PublicKey key, Instant from, Instant to)
            throws GeneralSecurityException, IOException {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, id.commonName())
                .addRDN(BCStyle.SURNAME, id.surname().toUpperCase(java.util.Locale.ROOT))
                .addRDN(BCStyle.SERIALNUMBER, "IIN" + id.iin().value())
                .addRDN(BCStyle.C, "KZ");
        if (id.bin() != null) {
            subject.addRDN(BCStyle.O, id.organisation());
            subject.addRDN(BCStyle.OU, "BIN" + id.bin().value());
        }
        if (id.patronymic() != null) subject.addRDN(BCStyle.GIVENNAME, id.patronymic().toUpperCase(java.util.Locale.ROOT));
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, serial(), Date.from(from),
                Date.from(to), subject.build(), key)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key))
                .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCertificate));
        return sign(builder, caKey);
    }

    /**
     * Writes the CA and a key for every identity into the folder (created if missing), the key stores protected by
     * {@code password}; returns the keys issued.
     */
    public List<SigningKey> write(Path folder, List<PkiIdentity> identities, char[] password) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(CA_CERTIFICATE), pem(caCertificate));
            writeKeyStore(folder.resolve(CA_KEY_STORE), CA_ALIAS, caKey, List.of(caCertificate), password);
            StringBuilder tsv = new StringBuilder("alias\tiin\tbin\tcommon_name\torganisation\tvalid_to\n");
            List<SigningKey> keys = identities.stream().map(this::issue).toList();
            for (int i = 0; i < keys.size(); i++) {
                SigningKey key = keys.get(i);
                PkiIdentity id = identities.get(i);
                writeKeyStore(folder.resolve(id.alias() + ".p12"), id.alias(), key.privateKey(), key.chain(), password);
                Files.writeString(folder.resolve(id.alias() + ".pem"), pem(key.certificate()));
                Files.writeString(folder.resolve(id.alias() + ".key.pem"), pkcs8(key.privateKey()));
                tsv.append(id.alias()).append('\t').append(id.iin().value()).append('\t')
                        .append(id.bin() == null ? "" : id.bin().value()).append('\t').append(id.commonName()).append('\t')
                        .append(id.organisation() == null ? "" : id.organisation()).append('\t')
                        .append(key.certificate().getNotAfter().toInstant()).append('\n');
            }
            Files.writeString(folder.resolve(IDENTITIES), tsv.toString());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeKeyStore(Path file, String alias, PrivateKey key, List<X509Certificate> chain,
                                     char[] password) {
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
            store.store(out, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    /** The certificate as PEM text. */
    public static String pem(X509Certificate certificate) {
        return pemOf(certificate);
    }

    /** The private key as unencrypted PKCS#8 PEM text (test keys only). */
    public static String pkcs8(PrivateKey key) {
        try {
            return pemOf(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pemOf(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
