package kz.bilim.staff;

/** HB-1: a verdict import (or a staff import) flagged this many current contracts, country-wide. */
public record ContractsFlagged(String source, long sourceId, int contracts) {
}
