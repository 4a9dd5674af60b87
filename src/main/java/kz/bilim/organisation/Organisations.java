package kz.bilim.organisation;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of education organisations and their classes. Every method works within the caller's scope
 * ({@code CurrentScope}): what lies outside is reported as missing, exactly like what does not exist. Commands answer an
 * {@link Outcome}: done, or a {@link kz.bilim.kernel.Refusal} naming every bad field at once, and then nothing was
 * written.
 */
public interface Organisations {

    /** The organisation, or empty when it does not exist or lies outside the caller's scope. */
    Optional<Organisation> find(OrganisationId id);

    /** Those of the organisations that exist within the caller's scope, by id, in one query. */
    Map<OrganisationId, Organisation> findAll(Collection<OrganisationId> ids);

    /** Those of the classes that exist within the caller's scope, by id, in one query. */
    Map<SchoolClassId, SchoolClass> findClasses(Collection<SchoolClassId> ids);

    /** One page of the organisations matching the filter, within the caller's scope, ordered by name. */
    Paged<Organisation> list(OrganisationFilter filter, int page, int size);

    /** Registers an organisation in a territory of the caller's scope. */
    Outcome<Organisation> create(OrganisationDraft draft);

    /**
     * Edits an organisation. An organisation's own administrator may change only its contacts (anything else is
     * refused as forbidden); territory officers and the ministry may change everything within their scope.
     * {@code expectedVersion} is the version the edit was made to (null: whatever is current when it is read). An edit
     * of another version is refused as {@code PRECONDITION_FAILED}, one that lost a race with a concurrent edit as
     * {@code PRECONDITION_FAILED} too (or {@code CONFLICT} when no version was named) — both carrying the
     * organisation as it is now. Nothing is ever overwritten unseen.
     */
    Outcome<Organisation> update(OrganisationId id, OrganisationDraft draft, Long expectedVersion);

    /** {@link #update(OrganisationId, OrganisationDraft, Long)} of whatever version is current. */
    default Outcome<Organisation> update(OrganisationId id, OrganisationDraft draft) {
        return update(id, draft, null);
    }

    /** What the caller may do with this organisation. */
    Permissions permissions(OrganisationId id);

    /** Classes of the organisation, newest academic year first; {@code academicYear} null means every year. */
    List<SchoolClass> classes(OrganisationId id, Integer academicYear);

    Optional<SchoolClass> findClass(SchoolClassId id);

    Outcome<SchoolClass> addClass(OrganisationId id, ClassDraft draft);

    /** Edits a class; versions as for {@link #update(OrganisationId, OrganisationDraft, Long)}. */
    Outcome<SchoolClass> updateClass(SchoolClassId id, ClassDraft draft, Long expectedVersion);

    default Outcome<SchoolClass> updateClass(SchoolClassId id, ClassDraft draft) {
        return updateClass(id, draft, null);
    }

    /** What the caller may do: register new organisations, edit the registration data, contacts, classes. */
    record Permissions(boolean register, boolean editRegistration, boolean editContacts, boolean manageClasses) {
    }
}
