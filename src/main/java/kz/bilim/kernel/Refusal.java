package kz.bilim.kernel;

import java.util.List;

/**
 * The one shape of "no": what kind of refusal (a stable {@link Code} clients rely on), the clause of law it enforces
 * (a requirement ID such as {@code TR-10}, or null for a rule of form), the reason as a message key with its
 * arguments, and the fields at fault. Domain code returns it inside an {@link Outcome}; the web layer turns it once
 * into problem+json and once into form errors.
 */
public record Refusal(Code code, String clause, String reasonKey, List<Object> args, List<FieldError> errors) {

    /** Stable codes; each is answered with one HTTP status. */
    public enum Code {
        INVALID_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT, RULE_REFUSED,
        /** HB-1: a court verdict in force bars the person from the position (a rule refusal clients tell apart). */
        HIRING_BANNED
    }

    public Refusal {
        java.util.Objects.requireNonNull(code);
        java.util.Objects.requireNonNull(reasonKey);
        args = List.copyOf(args);
        errors = List.copyOf(errors);
    }

    /** Input that breaks a rule of form, field by field. */
    public static Refusal invalid(List<FieldError> errors) {
        return new Refusal(Code.INVALID_INPUT, null, "error.invalid-input.detail", List.of(), errors);
    }

    public static Refusal invalid(String field, String reasonKey, Object... args) {
        return invalid(List.of(new FieldError(field, reasonKey, args)));
    }

    /** A rule of law said no. */
    public static Refusal byRule(String clause, String reasonKey, Object... args) {
        return new Refusal(Code.RULE_REFUSED, clause, reasonKey, List.of(args), List.of());
    }

    /** HB-1: a verdict in force bans this hire; the reason names the verdict, the error points at the field. */
    public static Refusal hiringBanned(String clause, FieldError error) {
        return new Refusal(Code.HIRING_BANNED, clause, error.reasonKey(), List.of(error.args()), List.of(error));
    }

    /** A rule of law said no because of one field's value. */
    public static Refusal byRule(String clause, FieldError error) {
        return new Refusal(Code.RULE_REFUSED, clause, error.reasonKey(), List.of(error.args()), List.of(error));
    }

    /** Not there — or outside the caller's scope, which looks the same on purpose. */
    public static Refusal notFound(String resource, Object id) {
        return new Refusal(Code.NOT_FOUND, null, "error.not-found.detail", List.of(resource, String.valueOf(id)),
                List.of());
    }

    /** The caller may not do this (with the clause that says who may, if any). */
    public static Refusal forbidden(String clause, String reasonKey, Object... args) {
        return new Refusal(Code.FORBIDDEN, clause, reasonKey, List.of(args), List.of());
    }

    public static Refusal conflict(String reasonKey, Object... args) {
        return new Refusal(Code.CONFLICT, null, reasonKey, List.of(args), List.of());
    }

    /** This refusal as an exception, to leave a transaction (rolling it back) or a controller for the web layer. */
    public RefusedException exception() {
        return new RefusedException(this);
    }

    public <T> Outcome<T> outcome() {
        return new Outcome.Refused<>(this);
    }
}
