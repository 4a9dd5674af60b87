package kz.bilim.territory.internal;

/** One reason a row of the classifier file was refused: the record number (header = 1), the column and why. */
record RowError(int row, String field, String reasonKey, Object... args) implements Comparable<RowError> {

    @Override
    public int compareTo(RowError other) {
        return Integer.compare(row, other.row);
    }
}
