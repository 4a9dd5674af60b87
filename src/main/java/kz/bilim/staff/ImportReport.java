package kz.bilim.staff;

import java.util.List;

/**
 * What became of an import file: rows read, accepted (written, all together or not at all) and rejected with the
 * row, column and reason of each (message keys; at most {@link #SHOWN} listed); of the accepted, how many were new,
 * changed or unchanged (a file imported twice changes nothing the second time), and how many current contracts the
 * import flagged (HB-1).
 */
public record ImportReport(long importId, int rows, int accepted, int rejected, int inserted, int updated,
                           int unchanged, int flagged, List<RowRejection> rejections, boolean written) {

    public static final int SHOWN = 500;

    public ImportReport {
        rejections = List.copyOf(rejections.subList(0, Math.min(SHOWN, rejections.size())));
    }

    /** A row that was not accepted (the header is row 1). */
    public record RowRejection(int row, String field, String reasonKey, List<Object> args) {

        public RowRejection {
            args = List.copyOf(args);
        }
    }
}
