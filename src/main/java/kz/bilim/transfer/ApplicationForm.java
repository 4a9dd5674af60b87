package kz.bilim.transfer;

/**
 * The application of TR-18 as submitted (every value a string, checked field by field). The applicant is the
 * signed-in parent (portal) or, on paper, {@code applicantIin}/{@code applicantName} typed at the school. The child is
 * named by IIN and surname and filled from the registry (name, birth date, citizenship, current school and grade); the
 * settlement, district, city and region default to the child's registered residence; {@code grade} defaults to the
 * child's current grade. {@code signature}: base64 of the detached CMS signature (DER) over the application text
 * ({@code POST /api/v1/transfers/application-text}), portal only. {@code residenceDocument} (TR-11): for a child who
 * is not a citizen of Kazakhstan, the document of the right of permanent residence (a foreigner's residence permit or
 * a stateless person's certificate: its kind, number and date), which order No. 468 requires.
 */
public record ApplicationForm(String childIin, String childLastName, String grade, String parentPhone,
                              String settlement, String district, String city, String region,
                              String registeredAddress, String requestedOrganisationId, Boolean consent, String date,
                              String exceptionGround, String supportingDocument, String signature,
                              String applicantIin, String applicantName, String documents,
                              String residenceDocument) {

    public ApplicationForm(String childIin, String childLastName, String grade, String parentPhone, String settlement,
                           String district, String city, String region, String registeredAddress,
                           String requestedOrganisationId, Boolean consent, String date, String exceptionGround,
                           String supportingDocument, String signature, String applicantIin, String applicantName,
                           String documents) {
        this(childIin, childLastName, grade, parentPhone, settlement, district, city, region, registeredAddress,
                requestedOrganisationId, consent, date, exceptionGround, supportingDocument, signature, applicantIin,
                applicantName, documents, null);
    }

    public ApplicationForm withSignature(String signature) {
        return new ApplicationForm(childIin, childLastName, grade, parentPhone, settlement, district, city, region,
                registeredAddress, requestedOrganisationId, consent, date, exceptionGround, supportingDocument,
                signature, applicantIin, applicantName, documents, residenceDocument);
    }
}
