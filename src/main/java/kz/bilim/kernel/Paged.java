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

    public static final int MAX_PAGE = 1_000_000;

    /**
     * The page number asked for (from 0; none is the first). One rule for every list: a number out of range is
     * refused naming {@code page}, never quietly replaced by another.
     */
    public static int page(Integer page) {
        if (page == null) return 0;
        if (page < 0 || page > MAX_PAGE) throw Refusal.invalid("page", "error.field.range", 0, MAX_PAGE).exception();
        return page;
    }

    /** The page size asked for (none is {@link #DEFAULT_SIZE}); out of 1…{@link #MAX_SIZE} it is refused naming {@code size}. */
    public static int size(Integer size) {
        if (size == null) return DEFAULT_SIZE;
        if (size < 1 || size > MAX_SIZE) throw Refusal.invalid("size", "error.field.range", 1, MAX_SIZE).exception();
        return size;
    }
}
