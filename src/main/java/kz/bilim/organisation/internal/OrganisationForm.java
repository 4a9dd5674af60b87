package kz.bilim.organisation.internal;

import kz.bilim.organisation.Contacts;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationDraft;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.Ownership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** The version the form was filled from (hidden): saving over another version is refused as stale. */
    private Long version;

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
        form.version = o.version();
        return form;
    }

    /**
     * The registration data of the organisation as it is (an administrator's form does not send it: the fields are
     * disabled), so that a form shown again shows them.
     */
    void keepRegistrationOf(Organisation o) {
        var saved = of(o);
        bin = saved.bin;
        nameKk = saved.nameKk;
        nameRu = saved.nameRu;
        kind = saved.kind;
        ownership = saved.ownership;
        kato = saved.kato;
        urban = saved.urban;
        languages = saved.languages;
        shifts = saved.shifts;
        occupancyNorm = saved.occupancyNorm;
    }

    /**
     * The values of the organisation as it is now, for the fields where they differ from what the form holds: shown
     * beside each field when the form was stale. Kinds and ownerships as their message keys, languages as codes.
     */
    Map<String, String> differencesFrom(Organisation now) {
        var current = of(now);
        var differences = new LinkedHashMap<String, String>();
        differ(differences, "bin", bin, current.bin);
        differ(differences, "nameKk", nameKk, current.nameKk);
        differ(differences, "nameRu", nameRu, current.nameRu);
        if (kind != current.kind) differences.put("kind", current.kind.messageKey());
        if (ownership != current.ownership) differences.put("ownership", current.ownership.messageKey());
        differ(differences, "kato", kato, current.kato);
        differ(differences, "urban", urban, current.urban);
        if (!new java.util.LinkedHashSet<>(languages == null ? List.of() : languages)
                .equals(new java.util.LinkedHashSet<>(current.languages)))
            differences.put("languages", String.join(", ", current.languages));
        differ(differences, "shifts", shifts, current.shifts);
        differ(differences, "occupancyNorm", occupancyNorm, current.occupancyNorm);
        differ(differences, "phone", phone, current.phone);
        differ(differences, "postalAddress", postalAddress, current.postalAddress);
        differ(differences, "email", email, current.email);
        differ(differences, "website", website, current.website);
        return differences;
    }

    private static void differ(Map<String, String> differences, String field, Object typed, Object now) {
        String a = typed == null ? "" : typed.toString().strip();
        String b = now == null ? "" : now.toString().strip();
        if (!a.equals(b)) differences.put(field, b.isEmpty() ? "—" : b);
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
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public Integer getOccupancyNorm() { return occupancyNorm; }
    public void setOccupancyNorm(Integer occupancyNorm) { this.occupancyNorm = occupancyNorm; }
}
