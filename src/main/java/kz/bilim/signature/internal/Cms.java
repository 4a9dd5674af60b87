package kz.bilim.signature.internal;

import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.signature.CertificateSubject;
import kz.bilim.signature.SignatureCheck;
import kz.bilim.signature.Signer;
import kz.bilim.signature.SigningKey;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.CMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.SignatureAlgorithmIdentifierFinder;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.AlgorithmNameFinder;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Detached CMS SignedData with BouncyCastle: SHA-256 with RSA (or ECDSA, by the key), signed attributes (content
 * type, message digest, signing time), the signer's certificate chain included. Verification in the order a reader
 * would explain it: is it a CMS signature at all; does it match the document; is the certificate a trusted CA's, valid
 * at the moment asked, meant for signing; is it the expected person's or organisation's. Each "no" is a Refusal.
 */
public final class Cms {

    private static final JcaX509CertificateConverter CONVERTER = new JcaX509CertificateConverter();
    /*
     * The verifier's parts that do not depend on the signer, made once: JcaSimpleSignerInfoVerifierBuilder builds its
     * algorithm name tables again for every signature (≈ 2 % of a portal submission's CPU in the JFR profile of
     * issue 11). All three only read their tables after construction, so threads share them.
     */
    private static final CMSSignatureAlgorithmNameGenerator SIGNATURE_NAMES = new DefaultCMSSignatureAlgorithmNameGenerator();
    private static final SignatureAlgorithmIdentifierFinder SIGNATURE_ALGORITHMS = new DefaultSignatureAlgorithmIdentifierFinder();
    private static final DigestCalculatorProvider DIGESTS = digests();
    /** How BouncyCastle writes an ASN.1 time out ({@link Time#getTime()}), read without a SimpleDateFormat per call. */
    private static final DateTimeFormatter ASN1_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'GMT'XXX");
    private static final int CACHE_MAX = 10_000;
    private static final AlgorithmNameFinder ALGORITHM_NAMES = new DefaultAlgorithmNameFinder();
    /** A request thread's signature engines by algorithm name: initialised afresh for every verification. */
    private static final ThreadLocal<Map<String, Signature>> SIGNATURE_INSTANCES = ThreadLocal.withInitial(java.util.HashMap::new);
    /** Certificates as parsed once (a signer sends the same chain with every signature). */
    private static final Map<X509CertificateHolder, X509Certificate> PARSED = new ConcurrentHashMap<>();
    /**
     * Paths validated to a trusted CA, with the window of time in which every certificate on them is valid: within
     * it the same path to the same anchors validates again without PKIX. Only successes are kept; no revocation is
     * checked (docs/signature.md), so nothing else could change the answer.
     */
    private static final Map<TrustedPath, Instant[]> VALIDATED = new ConcurrentHashMap<>();

    private record TrustedPath(List<X509Certificate> path, Set<X509Certificate> anchors) {
    }

    private Cms() {
    }

    public static byte[] sign(byte[] content, SigningKey key, Instant signingTime) {
        try {
            String algorithm = "EC".equals(key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            Hashtable<ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
            attributes.put(CMSAttributes.signingTime,
                    new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(algorithm).build(key.privateKey()), key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | GeneralSecurityException | CMSException | IOException e) {
            throw new IllegalStateException("cannot sign with " + key, e);
        }
    }

    public static Outcome<Signer> verify(byte[] content, byte[] signature, SignatureCheck check,
                                         Collection<X509Certificate> trusted, Instant at, ZoneId zone) {
        if (signature == null || signature.length == 0)
            return new Refusal(Refusal.Code.INVALID_INPUT, check.clause(), "error.invalid-input.detail", List.of(),
                    List.of(new FieldError(check.field(), "error.field.required"))).outcome();
        CMSSignedData signed;
        SignerInformation signer;
        X509Certificate certificate;
        List<X509Certificate> included = new ArrayList<>();
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(content == null ? new byte[0] : content), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) return refused(check, "signature.refused.not-one-signer");
            signer = signers.iterator().next();
            for (X509CertificateHolder holder : signed.getCertificates().getMatches(null))
                included.add(parsed(holder));
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> own = signed.getCertificates().getMatches(signer.getSID());
            if (own.isEmpty()) return refused(check, "signature.refused.no-certificate");
            certificate = parsed(own.iterator().next());
        } catch (CMSException | GeneralSecurityException | RuntimeException e) {
            return refused(check, "signature.refused.malformed");
        }
        try {
            // by the public key: the certificate's validity is checked below, at the moment asked
            var verifier = new SignerInformationVerifier(SIGNATURE_NAMES, SIGNATURE_ALGORITHMS,
                    verifierOf(certificate.getPublicKey()), DIGESTS);
            if (!signer.verify(verifier))
                return refused(check, "signature.refused.tampered");
        } catch (CMSSignerDigestMismatchException e) {
            return refused(check, "signature.refused.tampered");
        } catch (CMSException | RuntimeException e) {
            // an invalid signature value or a mismatching algorithm: the bytes were changed
            return refused(check, "signature.refused.tampered");
        }
        if (at.isAfter(certificate.getNotAfter().toInstant()))
            return refused(check, "signature.refused.expired", date(certificate.getNotAfter(), zone));
        if (at.isBefore(certificate.getNotBefore().toInstant()))
            return refused(check, "signature.refused.not-yet-valid", date(certificate.getNotBefore(), zone));
        String trust = trustProblem(certificate, included, trusted, at);
        if (trust != null) return refused(check, trust);
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !(usage.length > 1 && usage[1])) // nonRepudiation: a signing, not an authentication, key
            return refused(check, "signature.refused.not-for-signing");
        Iin iin = CertificateSubject.iin(certificate);
        if (iin == null) return refused(check, "signature.refused.no-iin");
        Bin bin = CertificateSubject.bin(certificate);
        if (check.person() != null && !check.person().equals(iin))
            return refused(check, "signature.refused.other-person");
        if (check.organisation() != null && !check.organisation().equals(bin))
            return refused(check, "signature.refused.other-organisation");
        return Outcome.done(new Signer(iin, bin, CertificateSubject.commonName(certificate),
                CertificateSubject.organisation(certificate),
                certificate.getSerialNumber().toString(16), certificate.getIssuerX500Principal().getName(),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), signingTime(signer)));
    }

    /**
     * Verifies the signature value with the thread's own JCA {@link Signature} of the algorithm, initialised with the
     * signer's key: BouncyCastle's {@code JcaContentVerifierProviderBuilder} looks up and initialises two of them
     * for every signature (the plain one and a raw one that signed attributes never use), ≈ a fifth of a CMS
     * verification's CPU in issue 11's profile. The cryptography is the same: the JCA verifies the DER of the signed
     * attributes against the signature value. An algorithm the JCA does not know cannot be verified: refused.
     */
    private static ContentVerifierProvider verifierOf(PublicKey key) {
        return new ContentVerifierProvider() {
            @Override
            public boolean hasAssociatedCertificate() {
                return false;
            }

            @Override
            public X509CertificateHolder getAssociatedCertificate() {
                return null;
            }

            @Override
            public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
                Signature signature;
                try {
                    signature = SIGNATURE_INSTANCES.get().computeIfAbsent(ALGORITHM_NAMES.getAlgorithmName(algorithm), name -> {
                        try {
                            return Signature.getInstance(name);
                        } catch (GeneralSecurityException e) {
                            throw new IllegalArgumentException(e);
                        }
                    });
                    signature.initVerify(key);
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    throw new OperatorCreationException("cannot verify " + algorithm.getAlgorithm(), e);
                }
                var stream = new java.io.OutputStream() {
                    @Override
                    public void write(int b) throws java.io.IOException {
                        write(new byte[]{(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
                        try {
                            signature.update(bytes, offset, length);
                        } catch (java.security.SignatureException e) {
                            throw new java.io.IOException(e);
                        }
                    }
                };
                return new ContentVerifier() {
                    @Override
                    public AlgorithmIdentifier getAlgorithmIdentifier() {
                        return algorithm;
                    }

                    @Override
                    public java.io.OutputStream getOutputStream() {
                        return stream;
                    }

                    @Override
                    public boolean verify(byte[] expected) {
                        try {
                            return signature.verify(expected);
                        } catch (java.security.SignatureException e) {
                            return false;
                        }
                    }
                };
            }
        };
    }

    /** PKIX path from the signer's certificate (through any included intermediates) to a trusted CA, at {@code at}. */
    private static String trustProblem(X509Certificate certificate, List<X509Certificate> included,
                                       Collection<X509Certificate> trusted, Instant at) {
        if (trusted.isEmpty()) return "signature.refused.untrusted";
        try {
            List<X509Certificate> path = new ArrayList<>();
            path.add(certificate);
            X509Certificate current = certificate;
            Set<X509Certificate> anchors = Set.copyOf(trusted);
            while (!issuedByAnAnchor(current, anchors)) {
                X509Certificate issuer = issuerAmong(current, included);
                if (issuer == null || path.contains(issuer) || path.size() > 8) return "signature.refused.untrusted";
                path.add(issuer);
                current = issuer;
            }
            var key = new TrustedPath(List.copyOf(path), anchors);
            Instant[] window = VALIDATED.get(key);
            if (window != null && !at.isBefore(window[0]) && !at.isAfter(window[1])) return null;
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(anchors.stream().map(c -> new TrustAnchor(c, null))
                    .collect(Collectors.toSet()));
            parameters.setRevocationEnabled(false); // no CRL or OCSP for the test CA (docs/signature.md)
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            if (VALIDATED.size() >= CACHE_MAX) VALIDATED.clear();
            VALIDATED.put(key, new Instant[]{
                    path.stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo).orElseThrow(),
                    path.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElseThrow()});
            return null;
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) return "signature.refused.ca-expired";
            return "signature.refused.untrusted";
        } catch (GeneralSecurityException e) {
            return "signature.refused.untrusted";
        }
    }

    private static X509Certificate parsed(X509CertificateHolder holder) throws GeneralSecurityException {
        X509Certificate known = PARSED.get(holder);
        if (known != null) return known;
        X509Certificate certificate = CONVERTER.getCertificate(holder);
        if (PARSED.size() >= CACHE_MAX) PARSED.clear();
        PARSED.put(holder, certificate);
        return certificate;
    }

    private static boolean issuedByAnAnchor(X509Certificate certificate, Set<X509Certificate> anchors) {
        return anchors.stream().anyMatch(a -> a.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()));
    }

    private static X509Certificate issuerAmong(X509Certificate certificate, List<X509Certificate> candidates) {
        return candidates.stream()
                .filter(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) && !c.equals(certificate))
                .findFirst().orElse(null);
    }

    private static Instant signingTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) return null;
        Attribute attribute = attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) return null;
        try {
            Time time = Time.getInstance(attribute.getAttrValues().getObjectAt(0));
            try {
                return OffsetDateTime.parse(time.getTime(), ASN1_TIME).toInstant();
            } catch (DateTimeParseException fractionOrOther) {
                return time.getDate().toInstant();
            }
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String date(Date date, ZoneId zone) {
        return LocalDate.ofInstant(date.toInstant(), zone).toString();
    }

    private static Outcome<Signer> refused(SignatureCheck check, String reasonKey, Object... args) {
        return Refusal.byRule(check.clause(), new FieldError(check.field(), reasonKey, args)).outcome();
    }
}
