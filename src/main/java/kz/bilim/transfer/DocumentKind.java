package kz.bilim.transfer;

/**
 * The documents the service issues: the notification of the transfer (TR-4), the refusal receipt in two copies
 * (TR-8, TR-18), the arrival and the departure coupons (TR-5, TR-6; order 263, app. 10). Each is a PDF with the
 * provider's detached signature beside it ({@code .p7s}).
 */
public enum DocumentKind {
    NOTICE("notice"), REFUSAL_RECEIPT("refusal-receipt"), ARRIVAL_COUPON("arrival-coupon"),
    DEPARTURE_COUPON("departure-coupon");

    private final String fileName;

    DocumentKind(String fileName) {
        this.fileName = fileName;
    }

    /** The file name without extension, as the API serves it: {@code notice.pdf}, {@code notice.p7s}. */
    public String fileName() {
        return fileName;
    }

    public static DocumentKind ofFileName(String name) {
        for (DocumentKind k : values()) if (k.fileName.equals(name)) return k;
        return null;
    }
}
