package kz.bilim.staff.internal;

/** The dismissal form: last day, order number, reason. */
class DismissalForm {

    private String date;
    private String order;
    private String reason;

    public String getDate() { return date; }
    public void setDate(String date) { this.date = date; }
    public String getOrder() { return order; }
    public void setOrder(String order) { this.order = order; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
