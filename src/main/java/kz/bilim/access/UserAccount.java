package kz.bilim.access;

import kz.bilim.kernel.Role;

import java.time.Instant;

/**
 * A staff account as administrators see it. {@code scopeKato} is the territory the role is bound to, {@code kato}
 * where the account itself lies (the territory, the organisation's settlement, or '' for national users) — what
 * row-level security compares. Never carries the password or its hash.
 */
public record UserAccount(UserId id, String username, String fullName, Role role, String scopeKato, Long organisationId,
                          String kato, String locale, boolean enabled, Instant createdAt) {
}
