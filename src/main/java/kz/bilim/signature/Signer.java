package kz.bilim.signature;

import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;

import java.time.Instant;

/**
 * Who signed, as the verified certificate says: the person's IIN, the organisation's BIN (null for a person's own
 * certificate), the common name and organisation name, the certificate's serial (hex) and issuer, its validity, and
 * the signing time the signer claimed (null if the signature has none; not proof of time). Personal data: never log it.
 */
public record Signer(Iin iin, Bin bin, String commonName, String organisation, String certificateSerial,
                     String issuer, Instant validFrom, Instant validTo, Instant claimedSigningTime) {

    @Override
    public String toString() {
        return "Signer[certificate " + certificateSerial + "]";
    }
}
