package kz.bilim.access.internal;

import kz.bilim.organisation.OrganisationFilter;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The organisation field of the user form as people fill it: by BIN (what the organisation picker puts in the field,
 * and what people know) or, as before, by the registry's id. Both are looked up within the caller's scope.
 */
@Component
class OrganisationChoice {

    private final Organisations organisations;

    OrganisationChoice(Organisations organisations) {
        this.organisations = organisations;
    }

    /**
     * The registry id for the typed text: empty text → an empty optional inside; a BIN or id of an organisation in
     * scope → its id; anything else → null (the form says "choose from the list"). A BIN or id outside the scope
     * becomes an id that does not exist, which the service refuses as "no such organisation in your territory".
     */
    Optional<Long> resolve(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) return Optional.empty();
        if (text.matches("[0-9]{12}")) {
            return Optional.of(organisations.list(new OrganisationFilter(null, null, null, null, null, text), 0, 2)
                    .items().stream().filter(o -> o.bin().value().equals(text)).findFirst()
                    .map(o -> o.id().value()).orElse(-1L));
        }
        if (text.matches("[0-9]{1,11}")) return Optional.of(Long.valueOf(text));
        return null;
    }

    /** What the form shows for a saved organisation: its BIN when the caller sees it, else the id. */
    String shown(Long organisationId) {
        if (organisationId == null) return null;
        return organisations.find(new OrganisationId(organisationId)).map(o -> o.bin().value())
                .orElse(organisationId.toString());
    }
}
