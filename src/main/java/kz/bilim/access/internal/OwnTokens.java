package kz.bilim.access.internal;

import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.SignedIn;

import kz.bilim.access.BilimUser;
import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The signed-in user's API tokens: issue one (named, expiring within a year, its secret shown once), list them,
 * revoke one. A token acts with its user's role and scope; issuing and revoking are audited, the secret never.
 */
@Service
class OwnTokens {

    static final int MAX_NAME_LENGTH = 100;
    private static final String PURPOSE = "API token";

    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OwnTokens(ApiTokens tokens, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    record Issued(long id, String secret, LocalDate expiresOn) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Outcome<Issued> issue(String name, String expiresOn) {
        Caller user = SignedIn.required();
        List<FieldError> errors = new ArrayList<>();
        String label = name == null ? "" : name.trim();
        if (label.isEmpty()) errors.add(new FieldError("name", "error.field.required"));
        else if (label.length() > MAX_NAME_LENGTH)
            errors.add(new FieldError("name", "access.token.name.too-long", MAX_NAME_LENGTH));
        LocalDate expiry = null;
        if (expiresOn == null || expiresOn.isBlank()) errors.add(new FieldError("expiresOn", "error.field.required"));
        else {
            try {
                expiry = LocalDate.parse(expiresOn.trim());
                if (!expiry.isAfter(today()) || expiry.isAfter(today().plusYears(1))) {
                    errors.add(new FieldError("expiresOn", "access.token.expiry.range"));
                    expiry = null;
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("expiresOn", "access.token.expiry.format"));
            }
        }
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        // valid through the whole last day, Almaty time
        var expiresAt = expiry.plusDays(1).atStartOfDay(Almaty.ZONE).toInstant();
        LocalDate last = expiry;
        return transaction.execute(status -> {
            var issued = tokens.issue(user.id(), label, user.kato(), user.organisationId(), expiresAt);
            audit.record(AuditEntry.of(AuditAction.CREATE, "api_token", issued.id(), user.kato(), user.organisationId())
                    .because(PURPOSE).with(Map.of("userId", user.id(), "expiresOn", last.toString())));
            return Outcome.done(new Issued(issued.id(), issued.secret(), last));
        });
    }

    List<ApiTokens.TokenInfo> list() {
        return tokens.of(SignedIn.required().id());
    }

    boolean revoke(long tokenId) {
        Caller user = SignedIn.required();
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!tokens.revoke(user.id(), tokenId)) return false;
            audit.record(AuditEntry.of(AuditAction.UPDATE, "api_token", tokenId, user.kato(), user.organisationId())
                    .because(PURPOSE).with(Map.of("userId", user.id(), "revoked", true)));
            return true;
        }));
    }
}
