package kz.bilim.signature;

import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;

import java.util.Objects;

/**
 * What a signature must prove, besides being intact and made with a trusted, valid certificate: whose it is (a
 * person's IIN, an organisation's BIN, or both for the head of an organisation signing for it). {@code clause} is the
 * requirement the caller enforces (e.g. {@code TR-17}, {@code EIS-5}) and {@code field} the request field the
 * signature came in; both go into the {@link kz.bilim.kernel.Refusal} when it does not verify.
 */
public record SignatureCheck(String clause, String field, Iin person, Bin organisation) {

    public static final String DEFAULT_FIELD = "signature";

    public SignatureCheck {
        field = field == null || field.isBlank() ? DEFAULT_FIELD : field;
    }

    /** Any trusted signer (whose identity the caller then reads from the {@link Signer}). */
    public static SignatureCheck anySigner(String clause) {
        return new SignatureCheck(clause, DEFAULT_FIELD, null, null);
    }

    /** Signed by this person with a certificate of their own or of their employer. */
    public static SignatureCheck byPerson(String clause, Iin person) {
        return new SignatureCheck(clause, DEFAULT_FIELD, Objects.requireNonNull(person), null);
    }

    /** Signed with a certificate of this organisation (by any employee it was issued to). */
    public static SignatureCheck byOrganisation(String clause, Bin organisation) {
        return new SignatureCheck(clause, DEFAULT_FIELD, null, Objects.requireNonNull(organisation));
    }

    /** Signed by this person with a certificate of this organisation (a head signing for the school). */
    public static SignatureCheck byEmployee(String clause, Iin person, Bin organisation) {
        return new SignatureCheck(clause, DEFAULT_FIELD, Objects.requireNonNull(person), Objects.requireNonNull(organisation));
    }

    public SignatureCheck inField(String field) {
        return new SignatureCheck(clause, field, person, organisation);
    }
}
