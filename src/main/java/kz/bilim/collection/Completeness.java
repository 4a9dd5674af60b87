package kz.bilim.collection;

/**
 * EIS-1, EIS-8, EIS-10: completeness and timeliness of one territory (or organisation) of a period: how many
 * participants are expected, how many submitted (and of those late), accepted, returned at least once, marked
 * distorted at least once; the late ones first in every list.
 */
public record Completeness(String kato, Long organisationId, Texts name, long expected, long submitted, long accepted,
                           long late, long returned, long distorted) {

    public double completenessPercent() {
        return expected == 0 ? 0 : Math.round(1000.0 * submitted / expected) / 10.0;
    }

    public double timelinessPercent() {
        return submitted == 0 ? 0 : Math.round(1000.0 * (submitted - late) / submitted) / 10.0;
    }
}
