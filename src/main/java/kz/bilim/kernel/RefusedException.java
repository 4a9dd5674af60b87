package kz.bilim.kernel;

/**
 * A {@link Refusal} on its way out: thrown to roll back a transaction that a rule stopped half-way, or by a
 * controller that leaves the answer to the web layer's one mapping. Not an error: never logged as one.
 */
public final class RefusedException extends RuntimeException {

    private final transient Refusal refusal;

    RefusedException(Refusal refusal) {
        super(refusal.code() + (refusal.clause() == null ? "" : " " + refusal.clause()) + ": " + refusal.reasonKey()
                + fields(refusal), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    private static String fields(Refusal refusal) {
        return refusal.errors().isEmpty() ? "" : " " + refusal.errors().stream().map(FieldError::field).toList();
    }
}
