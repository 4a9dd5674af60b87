package kz.bilim.access;

import kz.bilim.kernel.Role;

/**
 * A search of the users list: by role, territory (a KATO code; its subtree), a piece of the username or name, and
 * whether enabled — each optional — one page of {@code size} at the 0-based {@code page}.
 */
public record UserQuery(Role role, String territory, String text, Boolean enabled, int page, int size) {

    public static final int MAX_SIZE = 100;

    public UserQuery {
        if (page < 0) throw new IllegalArgumentException("page must not be negative");
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
        territory = territory == null || territory.isBlank() ? null : territory.trim();
        text = text == null || text.isBlank() ? null : text.trim();
    }

    public long offset() {
        return (long) page * size;
    }
}
