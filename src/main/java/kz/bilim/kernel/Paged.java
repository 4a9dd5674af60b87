package kz.bilim.kernel;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, the page number (from 0), its size, and the total when it was counted (null when
 * counting would cost more than it tells, as for a national list of pupils — then {@code hasNext} says if more follow).
 */
public record Paged<T>(List<T> items, int page, int size, Long total, boolean hasNext) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 200;

    public Paged {
        items = List.copyOf(items);
    }

    public static <T> Paged<T> counted(List<T> items, int page, int size, long total) {
        return new Paged<>(items, page, size, total, (long) (page + 1) * size < total);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    /** Number of pages when counted, else null. */
    public Long pages() {
        return total == null ? null : Math.max(1, (total + size - 1) / size);
    }

    public <R> Paged<R> map(Function<T, R> mapper) {
        return new Paged<>(items.stream().map(mapper).toList(), page, size, total, hasNext);
    }

    /** A page number and size brought into range. */
    public static int page(Integer page) {
        return page == null || page < 0 ? 0 : Math.min(page, 1_000_000);
    }

    public static int size(Integer size) {
        return size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }
}
