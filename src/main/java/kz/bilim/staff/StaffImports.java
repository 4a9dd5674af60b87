package kz.bilim.staff;

import kz.bilim.kernel.Outcome;

/**
 * Bulk import of an organisation's or a region's existing staff (docs/staff.md: UTF-8 CSV, one contract a row, the
 * organisation by its BIN within the caller's scope). Good rows are written in one transaction, bad ones reported
 * with row, column and reason ({@code allOrNothing}: one bad row and nothing is written). Idempotent: a contract is
 * one (organisation, IIN, position, number). The imported contracts are checked against the verdict register at once
 * (HB-1): existing staff are not refused — the contract exists — but flagged.
 */
public interface StaffImports {

    Outcome<ImportReport> importCsv(byte[] content, boolean allOrNothing);
}
