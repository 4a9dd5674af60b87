package kz.bilim.calendar.internal;

import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The field errors of one calendar edit as they are found, next to the fields the form could not even read (a date
 * that is not a date), which no later check repeats. Ends as a {@link Refusal} or nothing.
 */
final class Checks {

    private final Set<String> unreadable;
    private final List<FieldError> errors = new ArrayList<>();

    Checks(Set<String> unreadable) {
        this.unreadable = Set.copyOf(unreadable);
    }

    boolean hasFieldErrors(String field) {
        return unreadable.contains(field) || errors.stream().anyMatch(e -> e.field().equals(field));
    }

    void rejectValue(String field, String reasonKey, Object... args) {
        errors.add(new FieldError(field, reasonKey, args));
    }

    Optional<Refusal> refusal() {
        return errors.isEmpty() && unreadable.isEmpty() ? Optional.empty() : Optional.of(Refusal.invalid(errors));
    }
}
