package kz.bilim.transfer.internal;

import kz.bilim.document.PdfDocuments;
import kz.bilim.kernel.Refusal;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.SigningKey;
import kz.bilim.signature.SigningKeys;
import kz.bilim.transfer.DocumentKind;
import kz.bilim.transfer.TransferApplication;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The documents of the service as PDF, in Kazakh and Russian on one page (the embedded font has every Kazakh letter),
 * signed by the provider with its organisation's key (TR-4: "signed with the provider's EDS"): the notification, the
 * refusal receipt in two copies (TR-18), the arrival and departure coupons (TR-5, TR-6).
 */
@Component
class TransferDocuments {

    static final Locale KK = Locale.forLanguageTag("kk");
    static final Locale RU = Locale.forLanguageTag("ru");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final PdfDocuments pdf;
    private final SigningKeys keys;
    private final Signatures signatures;
    private final MessageSource messages;

    TransferDocuments(PdfDocuments pdf, SigningKeys keys, Signatures signatures, MessageSource messages) {
        this.pdf = pdf;
        this.keys = keys;
        this.signatures = signatures;
        this.messages = messages;
    }

    /** Both languages' texts for a template: {@code ${t.kk('key')}}, {@code ${t.ru('key', arg)}}. */
    public final class Bilingual {
        public String kk(String key, Object... args) {
            return messages.getMessage(key, args, key, KK);
        }

        public String ru(String key, Object... args) {
            return messages.getMessage(key, args, key, RU);
        }
    }

    record Signed(byte[] pdf, byte[] signature) {
    }

    /** The organisation's signing key, or the refusal that the school has none (it cannot issue signed documents). */
    SigningKey key(Organisation organisation) {
        return keys.forOrganisation(organisation.bin())
                .orElseThrow(() -> Refusal.conflict("transfer.no-signing-key").exception());
    }

    Signed render(DocumentKind kind, TransferApplication application, Organisation receiving, Organisation departing,
                  SchoolClass schoolClass, Map<String, Object> extra) {
        SigningKey key = key(kind == DocumentKind.DEPARTURE_COUPON && departing != null ? departing : receiving);
        Map<String, Object> variables = new HashMap<>(extra);
        variables.put("t", new Bilingual());
        variables.put("a", application);
        variables.put("receiving", receiving);
        variables.put("departing", departing);
        variables.put("schoolClass", schoolClass);
        variables.put("date", DATE);
        variables.put("moment", MOMENT);
        variables.put("kinds", kind);
        byte[] bytes = pdf.render("transfer/pdf/" + kind.fileName(), variables, KK);
        return new Signed(bytes, signatures.sign(bytes, key));
    }
}
