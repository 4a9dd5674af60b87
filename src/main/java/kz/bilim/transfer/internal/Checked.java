package kz.bilim.transfer.internal;

import kz.bilim.enrolment.ChildLookup;
import kz.bilim.identity.Iin;
import kz.bilim.organisation.Organisation;
import kz.bilim.transfer.ExceptionGround;

import java.time.LocalDate;

/** An application form that passed the checks of form, with the child and the school found. */
record Checked(Iin childIin, String childLastName, Integer grade, String phone, String settlement, String district,
               String city, String region, String address, long organisationId, Boolean consent, LocalDate date,
               ExceptionGround exception, String supportingDocument, byte[] signature, String applicantIin,
               String applicantName, String documents, ChildLookup.ChildRecord child, Organisation organisation,
               String residenceDocument) {
}
