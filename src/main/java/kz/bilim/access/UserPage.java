package kz.bilim.access;

import java.util.List;

/** One page of users and how many match in all. */
public record UserPage(List<UserAccount> items, int page, int size, long total) {

    public UserPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
