package kz.bilim.enrolment.internal;

import kz.bilim.organisation.OrganisationRelocated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Enrolments are scoped by their organisation's territory: when it moves, they move with it, in the same transaction. */
@Component
class OrganisationRelocation {

    private final EnrolmentRepository enrolments;

    OrganisationRelocation(EnrolmentRepository enrolments) {
        this.enrolments = enrolments;
    }

    @EventListener
    void on(OrganisationRelocated event) {
        enrolments.relocate(event.organisationId(), event.toKato());
    }
}
