package kz.bilim.child.truancy;

/** A pupil's school day as the school records it (CA-4): present, absent without a valid reason, or excused. */
public enum Mark {
    PRESENT, UNEXCUSED, EXCUSED;

    public String messageKey() {
        return "attendance.mark." + name();
    }

    /** The mark of this name (any case), or null. */
    static Mark parse(String text) {
        if (text == null) return null;
        for (var m : values()) if (m.name().equalsIgnoreCase(text.trim())) return m;
        return null;
    }
}
