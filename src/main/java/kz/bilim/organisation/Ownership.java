package kz.bilim.organisation;

/** State or private (non-state) organisation — an SC-5 breakdown and CA-3 list (4). */
public enum Ownership {
    STATE, PRIVATE;

    public String messageKey() {
        return "organisation.ownership." + name();
    }
}
