package kz.bilim.access;

/**
 * A user as typed into the form or sent to the API, not yet checked: the role as text, the territory as a KATO code,
 * the organisation by id. {@code password} is required when creating and ignored when updating; {@code username}
 * cannot change after creation.
 */
public record UserDraft(String username, String fullName, String role, String scopeKato, Long organisationId,
                        String locale, Boolean enabled, String password) {
}
