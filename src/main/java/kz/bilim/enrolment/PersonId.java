package kz.bilim.enrolment;

/** The id of a person (a child or pupil) across module boundaries. */
public record PersonId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
