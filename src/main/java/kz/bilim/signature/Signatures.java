package kz.bilim.signature;

import kz.bilim.kernel.Outcome;
import kz.bilim.signature.internal.Cms;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/**
 * Signs documents with a detached CMS (PKCS#7) signature and verifies them (TR-4, TR-17, EIS-5): DER bytes, the
 * format of a {@code .p7s} file, which {@code openssl cms -verify -binary -inform DER} accepts. Verification gives the
 * {@link Signer} or a {@link kz.bilim.kernel.Refusal} naming the field and the reason: not a signature, the document
 * or signature changed (tampered), a certificate no trusted CA issued, expired or not yet valid, not a signing
 * certificate, no IIN in it, another person's or another organisation's certificate.
 */
@Service
public class Signatures {

    private final SigningKeys keys;
    private final Clock clock;

    Signatures(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A detached signature over {@code content}, signing time now. */
    public byte[] sign(byte[] content, SigningKey key) {
        return Cms.sign(content, key, clock.instant());
    }

    /** Verifies a detached signature over {@code content} now, against the trusted certification authorities. */
    public Outcome<Signer> verify(byte[] content, byte[] signature, SignatureCheck check) {
        return verify(content, signature, check, clock.instant());
    }

    /**
     * Verifies with the certificates' validity taken at {@code at} (the moment the signed document arrived, when a
     * stored document is checked again later).
     */
    public Outcome<Signer> verify(byte[] content, byte[] signature, SignatureCheck check, Instant at) {
        return Cms.verify(content, signature, check, keys.trustedCertificates(), at, clock.getZone());
    }
}
