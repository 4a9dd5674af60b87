package kz.bilim.access.internal;

import kz.bilim.organisation.OrganisationRelocated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An organisation's accounts lie in its territory (that is where the territory's officer manages them): when the
 * organisation moves, its accounts and their tokens move with it, in the same transaction — so the old district's
 * officer can no longer reset the school's password and sign in as the school.
 */
@Component
class AccountsFollowOrganisation {

    private final Users users;

    AccountsFollowOrganisation(Users users) {
        this.users = users;
    }

    @EventListener
    void on(OrganisationRelocated event) {
        users.followOrganisation(event.organisationId().value(), event.toKato());
    }
}
