package kz.bilim.kernel;

/** One field of a request that was refused: where, why (message key and arguments). */
public record FieldError(String field, String reasonKey, Object... args) {
}
