package kz.bilim.territory.internal;

/** A row of the classifier file that passed every check, with its derived level, parent and locality. */
record StagedRow(int row, String kato, String parentKato, int level, String nameKk, String nameRu, boolean urban) {
}
