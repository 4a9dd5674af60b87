package kz.bilim.access;

import kz.bilim.kernel.FieldError;

import java.util.List;

/**
 * The outcome of creating or changing a user: saved, refused with the fields that are wrong (form rules and the
 * SC-3 rule of who may grant which access), or missing — no such user within the caller's territory.
 */
public sealed interface UserChange permits UserChange.Saved, UserChange.Refused, UserChange.Missing {

    record Saved(UserAccount user) implements UserChange {
    }

    record Refused(List<FieldError> errors) implements UserChange {
        public Refused {
            errors = List.copyOf(errors);
        }

        public static Refused of(String field, String reasonKey, Object... args) {
            return new Refused(List.of(new FieldError(field, reasonKey, args)));
        }
    }

    record Missing(long id) implements UserChange {
    }
}
