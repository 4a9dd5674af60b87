package kz.bilim.enrolment;

/** The id of one enrolment: a person in an organisation from a date to a date. */
public record EnrolmentId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
