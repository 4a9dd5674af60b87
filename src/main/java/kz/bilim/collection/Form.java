package kz.bilim.collection;

import kz.bilim.organisation.OrganisationKind;

import java.util.List;

/**
 * EIS-4: a form of the year as the ministry set it: code and year, regular or an additional request (EIS-9), its
 * periodicity, names, the minister's order, the kinds of organisation that fill it, and its definition.
 */
public record Form(long id, String code, int year, Kind kind, Periodicity periodicity, Texts name, String orderRef,
                   List<OrganisationKind> appliesTo, FormDefinition definition) {

    public enum Kind {REGULAR, ADDITIONAL}

    public enum Periodicity {ANNUAL, SEMIANNUAL, QUARTERLY, MONTHLY, ONE_OFF}

    public Form {
        appliesTo = List.copyOf(appliesTo);
    }
}
