package kz.bilim.transfer.internal;

import kz.bilim.enrolment.ChildLookup;
import kz.bilim.identity.Iin;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Text;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.territory.Territories;
import kz.bilim.territory.Territory;
import kz.bilim.transfer.ApplicationForm;
import kz.bilim.transfer.ExceptionGround;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks of form of a TR-18 application, every bad field at once, and the registries' part of it: the child found
 * by IIN and surname (nationwide, audited), the school requested, the place names from the child's residence
 * (entered once: what the registry knows is not asked again). The lookups are system runs: called outside a
 * transaction each opens its own; inside a system run's transaction (the submission) they all join it.
 */
@Component
class FormChecks {

    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{8,18}[0-9]");
    static final int TEXT_MAX = 200;
    static final int LONG_TEXT_MAX = 1000;

    private final ChildLookup children;
    private final Organisations organisations;
    private final Territories territories;

    FormChecks(ChildLookup children, Organisations organisations, Territories territories) {
        this.children = children;
        this.organisations = organisations;
        this.territories = territories;
    }

    /**
     * The checked form, or the refusal naming every field at fault. {@code paper}: typed at the school;
     * {@code applicant}: the signed-in parent on the portal (null on paper), who may apply only for a child the
     * registry links to them, or to no parent at all.
     */
    Object check(ApplicationForm form, boolean paper, Iin applicant, String purpose, Locale locale) {
        List<FieldError> errors = new ArrayList<>();
        if (form == null) return Refusal.invalid("childIin", "error.field.required");
        Iin childIin = iin("childIin", form.childIin(), errors);
        String lastName = text("childLastName", form.childLastName(), true, TEXT_MAX, errors);
        Integer grade = null;
        String gradeText = Text.blankToNull(form.grade());
        if (gradeText != null) {
            try {
                grade = Integer.parseInt(gradeText.strip());
                if (grade < 1 || grade > 12) errors.add(new FieldError("grade", "transfer.grade.range"));
            } catch (NumberFormatException e) {
                errors.add(new FieldError("grade", "transfer.grade.range"));
            }
        }
        String phone = text("parentPhone", form.parentPhone(), true, 30, errors);
        if (phone != null && !PHONE.matcher(phone).matches()) errors.add(new FieldError("parentPhone", "transfer.phone.format"));
        String address = text("registeredAddress", form.registeredAddress(), true, TEXT_MAX, errors);
        String settlement = text("settlement", form.settlement(), false, TEXT_MAX, errors);
        String district = text("district", form.district(), false, TEXT_MAX, errors);
        String city = text("city", form.city(), false, TEXT_MAX, errors);
        String region = text("region", form.region(), false, TEXT_MAX, errors);
        Long organisationId = null;
        String orgText = Text.blankToNull(form.requestedOrganisationId());
        if (orgText == null) errors.add(new FieldError("requestedOrganisationId", "error.field.required"));
        else try {
            organisationId = Long.parseLong(orgText.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError("requestedOrganisationId", "transfer.organisation.unknown"));
        }
        LocalDate date = null;
        String dateText = Text.blankToNull(form.date());
        if (dateText == null) errors.add(new FieldError("date", "error.field.required"));
        else try {
            date = LocalDate.parse(dateText.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("date", "transfer.date.format"));
        }
        ExceptionGround exception = null;
        if (Text.blankToNull(form.exceptionGround()) != null) {
            exception = ExceptionGround.parse(form.exceptionGround());
            if (exception == null) errors.add(new FieldError("exceptionGround", "transfer.exception.unknown"));
        }
        String supporting = text("supportingDocument", form.supportingDocument(), false, LONG_TEXT_MAX, errors);
        byte[] signature = null;
        if (!paper) {
            String sig = Text.blankToNull(form.signature());
            if (sig != null) try {
                signature = Base64.getMimeDecoder().decode(sig.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("signature", "transfer.signature.base64"));
            }
        }
        String applicantIin = null;
        String applicantName = null;
        String documents = text("documents", form.documents(), false, LONG_TEXT_MAX, errors);
        String residenceDocument = text("residenceDocument", form.residenceDocument(), false, TEXT_MAX, errors);
        if (paper) {
            Iin a = iin("applicantIin", form.applicantIin(), errors);
            applicantIin = a == null ? null : a.value();
            applicantName = text("applicantName", form.applicantName(), true, TEXT_MAX, errors);
        }
        if (!errors.isEmpty()) return Refusal.invalid(errors);

        Long orgId = organisationId;
        Organisation organisation = CurrentScope.asSystem(() -> organisations.find(new OrganisationId(orgId)))
                .filter(o -> o.kind().isSchool()).orElse(null);
        if (organisation == null) errors.add(new FieldError("requestedOrganisationId", "transfer.organisation.unknown"));
        var child = children.identify(childIin, lastName, purpose).orElse(null);
        if (child == null) errors.add(new FieldError("childIin", "transfer.child.not-in-registry"));
        if (!errors.isEmpty()) return Refusal.invalid(errors);
        // the portal's parent picks their own child: when the registry links the child to parents, one must be them
        if (!paper && !child.representedBy(applicant))
            return Refusal.byRule("TR-18", new FieldError("childIin", "transfer.child.not-linked"));

        if (grade == null) {
            if (child.current() == null || child.current().grade() == null || child.current().grade() < 1)
                return Refusal.invalid("grade", "error.field.required");
            grade = child.current().grade();
        }
        // TR-11: a foreign or stateless child comes under order No. 468 — permanent residence shown by its document
        var foreigner = TransferPolicy.foreignerDocuments(child.person().citizenship(), residenceDocument);
        if (foreigner.isPresent()) return foreigner.get();
        // TR-15: a departure abroad on paper is registered at the child's own school (nothing to move to)
        boolean abroad = paper && exception == ExceptionGround.DEPARTURE_ABROAD;
        if (child.current() != null && child.current().organisationId().equals(organisation.id()) != abroad)
            return abroad ? Refusal.byRule("TR-15", new FieldError("requestedOrganisationId", "transfer.abroad.own-school"))
                    : Refusal.invalid("requestedOrganisationId", "transfer.organisation.same");
        if (abroad && child.current() == null)
            return Refusal.byRule("TR-15", new FieldError("childIin", "transfer.abroad.not-enrolled"));
        if (abroad && supporting == null)
            return Refusal.byRule("TR-15", new FieldError("supportingDocument", "transfer.abroad.document-missing"));
        // entered once: the place of residence the registry knows, unless the applicant wrote another
        List<Territory> path = CurrentScope.asSystem(() -> territories.path(child.person().residenceKato().value()));
        for (Territory t : path) {
            String name = t.name(locale);
            if (t.level() == 1 && region == null) region = name;
            if (t.level() == 2 && district == null) district = name;
            if (t.level() == 2 && t.urban() && city == null) city = name;
        }
        if (settlement == null && !path.isEmpty()) settlement = path.get(path.size() - 1).name(locale);
        if (settlement == null) return Refusal.invalid("settlement", "error.field.required");
        if (region == null) return Refusal.invalid("region", "error.field.required");
        return new Checked(childIin, lastName, grade, phone, settlement, district == null ? "" : district,
                city == null ? "" : city, region, address, organisation.id().value(), form.consent(), date, exception,
                supporting, signature, applicantIin, applicantName, documents == null ? "" : documents, child,
                organisation, TransferPolicy.foreign(child.person().citizenship()) ? residenceDocument : null);
    }

    private static Iin iin(String field, String value, List<FieldError> errors) {
        String v = Text.blankToNull(value);
        if (v == null) {
            errors.add(new FieldError(field, "error.field.required"));
            return null;
        }
        try {
            return Iin.parse(v);
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "transfer.iin.invalid"));
            return null;
        }
    }

    private static String text(String field, String value, boolean required, int max, List<FieldError> errors) {
        String v = Text.blankToNull(value);
        if (v == null) {
            if (required) errors.add(new FieldError(field, "error.field.required"));
            return null;
        }
        v = v.strip();
        if (v.length() > max) errors.add(new FieldError(field, "transfer.field.too-long", max));
        return v;
    }
}
