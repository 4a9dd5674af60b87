package kz.bilim.transfer;

/**
 * The stages of an application. Portal (TR-4): SUBMITTED → ACCEPTED (the signed notification) or REFUSED. Paper
 * (TR-5…TR-8): SUBMITTED → ARRIVAL_COUPON_ISSUED (receiving school) → DEPARTURE_COUPON_ISSUED (departing school,
 * personal file handed over) → ADMITTED (orders of both schools), or REFUSED at any open stage. Departure abroad on
 * paper (TR-15): SUBMITTED at the departing school with the confirming document → DEPARTED_ABROAD (expulsion order).
 */
public enum TransferState {
    SUBMITTED, ACCEPTED, ARRIVAL_COUPON_ISSUED, DEPARTURE_COUPON_ISSUED, ADMITTED, REFUSED,
    /** TR-15: departure abroad on paper — confirmed by a document, the pupil expelled by the departing school's order. */
    DEPARTED_ABROAD;

    public boolean open() {
        return this == SUBMITTED || this == ARRIVAL_COUPON_ISSUED || this == DEPARTURE_COUPON_ISSUED;
    }

    public String messageKey() {
        return "transfer.state." + name();
    }
}
