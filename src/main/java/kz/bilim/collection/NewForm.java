package kz.bilim.collection;

import kz.bilim.organisation.OrganisationKind;

import java.util.List;

/** EIS-4: a form of the year as the ministry sets it. */
public record NewForm(String code, Integer year, Form.Kind kind, Form.Periodicity periodicity, Texts name,
                      String orderRef, List<OrganisationKind> appliesTo, FormDefinition definition) {
}
