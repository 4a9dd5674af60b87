package kz.bilim.identity;

/** Why a string is not a valid IIN or BIN; {@link #reason()} is stable and has a message key {@code identity.reason.*}. */
public class InvalidIdentityNumber extends IllegalArgumentException {

    public enum Reason {
        LENGTH, NON_DIGIT, IMPOSSIBLE_DATE, BAD_CENTURY_DIGIT, BAD_TYPE_DIGIT, BAD_ATTRIBUTE_DIGIT, BAD_CHECK_DIGIT;

        public String messageKey() {
            return "identity.reason." + name().toLowerCase().replace('_', '-');
        }
    }

    private final Reason reason;

    InvalidIdentityNumber(Reason reason) {
        super(reason.messageKey());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
