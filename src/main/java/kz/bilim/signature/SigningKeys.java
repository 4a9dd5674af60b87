package kz.bilim.signature;

import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.signature.internal.SignatureProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trusted certification authorities and the provider's signing keys, loaded from the configuration
 * ({@code bilim.signature.*}, docs/signature.md) on first use. With no trusted CA configured and
 * {@code bilim.signature.test-pki.generate} on, the test PKI in {@code bilim.signature.test-pki.dir} is used, and made
 * there if missing (a test CA and a key for every {@link TestPkiIdentities} identity): the demo and the tests sign and
 * verify with it. In production, trust NCA RK's certificates and turn generation off.
 */
@Service
@EnableConfigurationProperties(SignatureProperties.class)
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private record Loaded(List<X509Certificate> trusted, Map<String, SigningKey> keys, Path testPki) {
    }

    private final SignatureProperties properties;
    private final ObjectProvider<TestPkiIdentities> identities;
    private volatile Loaded loaded;

    SigningKeys(SignatureProperties properties, ObjectProvider<TestPkiIdentities> identities) {
        this.properties = properties;
        this.identities = identities;
    }

    /** The certificates of the trusted certification authorities. */
    public List<X509Certificate> trustedCertificates() {
        return data().trusted();
    }

    /** The key of that alias (the file name without {@code .p12}; for the test PKI, the demo username). */
    public Optional<SigningKey> key(String alias) {
        return Optional.ofNullable(data().keys().get(alias));
    }

    /** A key whose certificate is the organisation's ({@code OU=BIN…}): the provider signing for itself. */
    public Optional<SigningKey> forOrganisation(Bin bin) {
        return data().keys().values().stream().filter(k -> bin.equals(CertificateSubject.bin(k.certificate()))).findFirst();
    }

    /** A key whose certificate is the person's own (no organisation), e.g. the demo applicant's. */
    public Optional<SigningKey> forPerson(Iin iin) {
        return data().keys().values().stream()
                .filter(k -> iin.equals(CertificateSubject.iin(k.certificate())) && CertificateSubject.bin(k.certificate()) == null)
                .findFirst();
    }

    /** The aliases of the keys held, sorted. */
    public List<String> aliases() {
        return data().keys().keySet().stream().sorted().toList();
    }

    /** The folder of the test PKI in use, if the trust comes from it (never in production). */
    public Optional<Path> testPkiFolder() {
        return Optional.ofNullable(data().testPki());
    }

    /** Reads the configuration and the files again (after the test PKI was written anew, say). */
    public synchronized void reload() {
        loaded = load();
    }

    private Loaded data() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) loaded = load();
                current = loaded;
            }
        }
        return current;
    }

    private Loaded load() {
        char[] password = properties.keyPassword().toCharArray();
        List<Path> trustFiles = new ArrayList<>(properties.trustedCa().stream().map(Path::of).toList());
        Path testPki = null;
        if (properties.usesTestPki()) {
            Loaded previous = loaded;
            String dir = properties.testPki().dir();
            // a temporary folder (blank dir) is kept across reloads: a reload reads the keys written into it since
            testPki = previous != null && previous.testPki() != null && (dir == null || dir.isBlank())
                    ? previous.testPki() : testPkiFolder(dir);
            if (!Files.exists(testPki.resolve(TestPki.CA_CERTIFICATE))) {
                List<PkiIdentity> people = identities.orderedStream()
                        .flatMap(p -> p.testPkiIdentities().stream()).toList();
                TestPki.create(TestPki.DEFAULT_CA_NAME).write(testPki, people, password);
                log.warn("signature: made a TEST PKI (not for production) in {}: a test CA and {} keys", testPki, people.size());
            }
            trustFiles.add(testPki.resolve(TestPki.CA_CERTIFICATE));
        }
        List<X509Certificate> trusted = new ArrayList<>();
        for (Path file : trustFiles) trusted.addAll(certificates(file));
        String keyDir = properties.keyDir() != null && !properties.keyDir().isBlank() ? properties.keyDir()
                : testPki != null ? testPki.toString() : null;
        Map<String, SigningKey> keys = keyDir == null ? Map.of() : keys(Path.of(keyDir), password);
        log.info("signature: {} trusted CA certificate(s), {} signing key(s){}", trusted.size(), keys.size(),
                testPki != null ? " (test PKI in " + testPki + ")" : "");
        return new Loaded(List.copyOf(trusted), keys, testPki);
    }

    private static Path testPkiFolder(String dir) {
        try {
            if (dir == null || dir.isBlank()) {
                Path temporary = Files.createTempDirectory("bilim-test-pki-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(temporary)));
                return temporary;
            }
            return Path.of(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static Collection<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trusted CA file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a certificate file: " + file, e);
        }
    }

    private static Map<String, SigningKey> keys(Path folder, char[] password) {
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) return keys;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.p12")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.naturalOrder());
        for (Path file : files) {
            String alias = file.getFileName().toString().replaceFirst("\\.p12$", "");
            if (alias.equals(TestPki.CA_ALIAS)) continue; // the test CA's own key issues, it does not sign documents
            keys.put(alias, read(file, alias, password));
        }
        return keys;
    }

    private static SigningKey read(Path file, String alias, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Enumeration<String> names = store.aliases();
            while (names.hasMoreElements()) {
                String name = names.nextElement();
                if (!store.isKeyEntry(name)) continue;
                Certificate[] chain = store.getCertificateChain(name);
                return new SigningKey(alias, (PrivateKey) store.getKey(name, password),
                        Arrays.stream(chain).map(X509Certificate.class::cast).toList());
            }
            throw new IllegalStateException("no key in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key store " + file, e);
        }
    }
}
