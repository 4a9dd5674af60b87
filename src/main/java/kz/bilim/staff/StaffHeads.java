package kz.bilim.staff;

import kz.bilim.identity.Iin;
import kz.bilim.organisation.OrganisationId;

import java.time.LocalDate;

/**
 * Who heads an organisation, as the staff registry knows it — for data collection's check that a submission is
 * signed by the head (EIS-5). Answers only whether this one person heads it, never who does.
 */
public interface StaffHeads {

    enum Head {
        /** the person holds a current director's (or deputy director's) contract there */
        HEAD,
        /** the registry knows the organisation's current director, and it is someone else */
        NOT_HEAD,
        /** the registry knows no current director of the organisation */
        NONE_REGISTERED
    }

    /** Within the caller's scope; an organisation outside it is {@link Head#NONE_REGISTERED}. */
    Head head(OrganisationId organisation, Iin person, LocalDate on);
}
