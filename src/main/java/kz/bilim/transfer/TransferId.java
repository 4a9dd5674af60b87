package kz.bilim.transfer;

/** The id of a transfer application (its number, as the applicant and the contact centre quote it). */
public record TransferId(@com.fasterxml.jackson.annotation.JsonValue long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
