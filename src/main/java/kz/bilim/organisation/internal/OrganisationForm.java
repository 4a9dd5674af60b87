package kz.bilim.organisation.internal;

import kz.bilim.organisation.Contacts;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationDraft;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.Ownership;

import java.util.ArrayList;
import java.util.List;

/** The organisation form as the browser sends it. */
class OrganisationForm {

    private String bin;
    private String nameKk;
    private String nameRu;
    private OrganisationKind kind;
    private Ownership ownership;
    private String kato;
    /** "" = as the settlement, "true" urban, "false" rural. */
    private String urban = "";
    private List<String> languages = new ArrayList<>();
    private Integer shifts = 1;
    private String phone;
    private String postalAddress;
    private String email;
    private String website;
    private Integer occupancyNorm = Organisation.DEFAULT_OCCUPANCY_NORM;

    static OrganisationForm of(Organisation o) {
        var form = new OrganisationForm();
        form.bin = o.bin().value();
        form.nameKk = o.nameKk();
        form.nameRu = o.nameRu();
        form.kind = o.kind();
        form.ownership = o.ownership();
        form.kato = o.kato().value();
        form.urban = Boolean.toString(o.urban());
        form.languages = new ArrayList<>(o.languages());
        form.shifts = o.shifts();
        form.phone = o.contacts().phone();
        form.postalAddress = o.contacts().postalAddress();
        form.email = o.contacts().email();
        form.website = o.contacts().website();
        form.occupancyNorm = o.occupancyNorm();
        return form;
    }

    OrganisationDraft draft() {
        return new OrganisationDraft(bin, nameKk, nameRu, kind, ownership, kato,
                urban == null || urban.isBlank() ? null : Boolean.valueOf(urban), languages, shifts,
                new Contacts(phone, postalAddress, email, website), occupancyNorm);
    }

    public String getBin() { return bin; }
    public void setBin(String bin) { this.bin = bin; }
    public String getNameKk() { return nameKk; }
    public void setNameKk(String nameKk) { this.nameKk = nameKk; }
    public String getNameRu() { return nameRu; }
    public void setNameRu(String nameRu) { this.nameRu = nameRu; }
    public OrganisationKind getKind() { return kind; }
    public void setKind(OrganisationKind kind) { this.kind = kind; }
    public Ownership getOwnership() { return ownership; }
    public void setOwnership(Ownership ownership) { this.ownership = ownership; }
    public String getKato() { return kato; }
    public void setKato(String kato) { this.kato = kato; }
    public String getUrban() { return urban; }
    public void setUrban(String urban) { this.urban = urban; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> languages) { this.languages = languages; }
    public Integer getShifts() { return shifts; }
    public void setShifts(Integer shifts) { this.shifts = shifts; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getPostalAddress() { return postalAddress; }
    public void setPostalAddress(String postalAddress) { this.postalAddress = postalAddress; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public Integer getOccupancyNorm() { return occupancyNorm; }
    public void setOccupancyNorm(Integer occupancyNorm) { this.occupancyNorm = occupancyNorm; }
}
