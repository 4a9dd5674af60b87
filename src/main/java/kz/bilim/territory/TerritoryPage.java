package kz.bilim.territory;

import java.util.List;

/** One page of a territory's children: a region may hold thousands of settlements, so children come in pages. */
public record TerritoryPage(List<Territory> items, int page, int size, long total) {

    public TerritoryPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
