package kz.bilim.access.internal;

import kz.bilim.access.BilimUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens of machine clients. Only the SHA-256 of a token is stored; the secret is shown once, when issued.
 */
@Repository
class ApiTokens {

    static final String PREFIX = "blm_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Users users;

    ApiTokens(JdbcClient jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    record IssuedToken(long id, String secret) {
    }

    record TokenInfo(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, boolean revoked) {
    }

    IssuedToken issue(long userId, String name, String kato, Long organisationId, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                        insert into api_token (user_id, name, token_hash, kato, organisation_id, expires_at)
                        values (:user, :name, :hash, :kato, :organisation, :expires) returning id
                        """)
                .param("user", userId).param("name", name).param("hash", hash(secret))
                .param("kato", kato == null ? "" : kato)
                .param("organisation", organisationId)
                .param("expires", java.sql.Timestamp.from(expiresAt))
                .query(Long.class).single();
        return new IssuedToken(id, secret);
    }

    /**
     * The account behind a live token, marking the token used — to the minute: a token authenticates every request of
     * a client, and rewriting its row each time would serialise a busy client's parallel requests on the row lock.
     * One statement with the account's row, for the same reason: it runs before every request of the client.
     */
    Optional<BilimUser> userOf(String secret) {
        if (!secret.startsWith(PREFIX)) return Optional.empty();
        return jdbc.sql("""
                        with t as (select id, user_id, last_used_at from api_token
                                    where token_hash = :hash and not revoked and expires_at > now()),
                             used as (update api_token a set last_used_at = now() from t
                                       where a.id = t.id
                                         and (t.last_used_at is null or t.last_used_at < now() - interval '1 minute'))
                        """ + Users.SELECT + " join t on t.user_id = u.id")
                .param("hash", hash(secret)).query(users::map).optional();
    }

    List<TokenInfo> of(long userId) {
        return jdbc.sql("""
                        select id, name, created_at, expires_at, last_used_at, revoked
                          from api_token where user_id = :user order by created_at desc
                        """)
                .param("user", userId)
                .query((rs, i) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getBoolean(6)))
                .list();
    }

    boolean revoke(long userId, long tokenId) {
        return jdbc.sql("update api_token set revoked = true where id = :id and user_id = :user and not revoked")
                .param("id", tokenId).param("user", userId).update() == 1;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
