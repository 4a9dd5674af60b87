package kz.bilim.transfer.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TR-17, TR-18: the exact text the applicant signs: the application's fields as entered, one {@code name: value} line
 * each in a fixed order, UTF-8, with the applicant's IIN. The server makes it again from the submitted fields and
 * verifies the detached signature over it, so nothing but these bytes is signed and nothing else needs sending.
 */
final class ApplicationText {

    static final String TITLE = "Bilim: application for the transfer of a pupil between schools (TR-18)";

    private ApplicationText() {
    }

    static byte[] of(String applicantIin, Checked form) {
        Map<String, Object> lines = new LinkedHashMap<>();
        lines.put("applicantIin", applicantIin);
        lines.put("parentPhone", form.phone());
        lines.put("childIin", form.childIin().value());
        lines.put("childLastName", form.childLastName());
        lines.put("grade", form.grade());
        lines.put("settlement", form.settlement());
        lines.put("district", form.district());
        lines.put("city", form.city());
        lines.put("region", form.region());
        lines.put("registeredAddress", form.address());
        lines.put("requestedOrganisationId", form.organisationId());
        lines.put("consent", form.consent());
        lines.put("date", form.date());
        lines.put("exceptionGround", form.exception() == null ? "" : form.exception().name());
        lines.put("supportingDocument", form.supportingDocument() == null ? "" : form.supportingDocument());
        if (form.residenceDocument() != null) lines.put("residenceDocument", form.residenceDocument());
        StringBuilder text = new StringBuilder(TITLE).append('\n');
        lines.forEach((k, v) -> text.append(k).append(": ").append(v == null ? "" : v.toString().replace('\n', ' '))
                .append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
