package kz.bilim.platform.web;

import kz.bilim.kernel.FieldError;

import java.util.List;

/** Input that breaks a rule of form: answered 422 problem+json listing each field and its reason. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid input: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String reasonKey, Object... args) {
        this(List.of(new FieldError(field, reasonKey, args)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
