package kz.bilim.collection;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * The accepted values of the forms for other modules (the statistics indicators: computers, computers with
 * internet, school camps, buildings in emergency state, places, deep-study classes), set-based, within the caller's
 * scope. Organisations' data, no personal data.
 */
public interface CollectedValues {

    /** One accepted value: organisation, field code, the table's row ('' otherwise), number or text. */
    record Accepted(long organisationId, String kato, String field, String row, BigDecimal number, String text) {
    }

    /**
     * The accepted values of these fields of the form's latest period of the year, for these organisations (null:
     * every organisation in scope), in one query.
     */
    List<Accepted> accepted(String formCode, int year, Collection<String> fieldCodes, Collection<Long> organisations);
}
