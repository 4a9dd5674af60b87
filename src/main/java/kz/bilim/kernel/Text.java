package kz.bilim.kernel;

/** Small text rules every form and search shares. */
public final class Text {

    private Text() {
    }

    /** Trimmed text, or null when nothing was typed. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The text as a literal inside a SQL {@code like} pattern (escape character {@code \}). */
    public static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
