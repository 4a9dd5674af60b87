package kz.bilim.signature;

import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.identity.InvalidIdentityNumber;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

import java.security.cert.X509Certificate;
import java.util.function.Function;

/**
 * Who a certificate names, read as NCA RK writes its certificates: the person's IIN in the subject's serialNumber
 * ({@code SERIALNUMBER=IIN123456789012}); for an organisation's employee also the BIN in an organisational unit
 * ({@code OU=BIN123456789012}) and the organisation's name in {@code O}; the name in {@code CN}. A value without a
 * valid checksum counts as absent.
 */
public final class CertificateSubject {

    private CertificateSubject() {
    }

    public static Iin iin(X509Certificate certificate) {
        return tagged(certificate, BCStyle.SERIALNUMBER, "IIN", Iin::new);
    }

    public static Bin bin(X509Certificate certificate) {
        return tagged(certificate, BCStyle.OU, "BIN", Bin::new);
    }

    public static String commonName(X509Certificate certificate) {
        return first(subject(certificate), BCStyle.CN);
    }

    public static String organisation(X509Certificate certificate) {
        return first(subject(certificate), BCStyle.O);
    }

    private static <T> T tagged(X509Certificate certificate, ASN1ObjectIdentifier type, String tag,
                                Function<String, T> parse) {
        for (RDN rdn : subject(certificate).getRDNs(type)) {
            String value = text(rdn.getFirst().getValue());
            if (value != null && value.length() == tag.length() + 12 && value.startsWith(tag)
                    && value.substring(tag.length()).chars().allMatch(Character::isDigit)) {
                try {
                    return parse.apply(value.substring(tag.length()));
                } catch (InvalidIdentityNumber e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static X500Name subject(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static String first(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : text(rdns[0].getFirst().getValue());
    }

    private static String text(ASN1Encodable value) {
        return value instanceof ASN1String s ? s.getString() : null;
    }
}
