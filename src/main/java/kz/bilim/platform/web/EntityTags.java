package kz.bilim.platform.web;

import java.util.regex.Pattern;

/**
 * Versions of editable records as HTTP entity tags: version 7 is {@code "7"}. A client sends the tag it read back in
 * {@code If-Match}; an edit made to another version is refused with 412 and the record as it is now.
 */
public final class EntityTags {

    /** Never the version of a record: what an If-Match that names no version of ours expects. */
    public static final long NO_VERSION = -1;

    private static final Pattern TAG = Pattern.compile("(?:W/)?\"([0-9]{1,18})\"");

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header expects: null when there is none or it is {@code *} (any version will
     * do), {@link #NO_VERSION} when it names no version of ours (so the edit is refused as stale, RFC 9110 13.1.1).
     */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) return null;
        var matcher = TAG.matcher(ifMatch.strip());
        return matcher.matches() ? Long.valueOf(matcher.group(1)) : NO_VERSION;
    }
}
