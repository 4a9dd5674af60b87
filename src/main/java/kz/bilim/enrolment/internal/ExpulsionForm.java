package kz.bilim.enrolment.internal;

/** The expulsion form: the last day and the order number. */
class ExpulsionForm {

    private String date;
    private String expulsionOrder;

    public String getDate() { return date; }
    public void setDate(String date) { this.date = date; }
    public String getExpulsionOrder() { return expulsionOrder; }
    public void setExpulsionOrder(String expulsionOrder) { this.expulsionOrder = expulsionOrder; }
}
