package kz.bilim.standard.internal;

/** The support register's form on a school's page: the pupil is picked from the school's own pupils (enter once). */
public class SupportForm {

    private Long enrolment;
    private String kind;
    private String category;
    private String place;
    private String basis;
    private String basisDate;
    private String distanceKm;
    private String barrier;

    SupportRegister.Draft draft() {
        return new SupportRegister.Draft(kind, category, place, basis, basisDate, distanceKm, barrier);
    }

    public Long getEnrolment() { return enrolment; }
    public void setEnrolment(Long enrolment) { this.enrolment = enrolment; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getBasis() { return basis; }
    public void setBasis(String basis) { this.basis = basis; }
    public String getBasisDate() { return basisDate; }
    public void setBasisDate(String basisDate) { this.basisDate = basisDate; }
    public String getDistanceKm() { return distanceKm; }
    public void setDistanceKm(String distanceKm) { this.distanceKm = distanceKm; }
    public String getBarrier() { return barrier; }
    public void setBarrier(String barrier) { this.barrier = barrier; }
}
