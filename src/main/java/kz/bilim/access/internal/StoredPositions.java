package kz.bilim.access.internal;

import kz.bilim.access.AccountPositions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * {@link AccountPositions} from {@code app_user.position} (V104). Read in the caller's own scope (the signed-in
 * representative sees their own account row; row-level security applies): a system run may not start inside the
 * caller's transaction, where the refusal receipt is issued.
 */
@Service
class StoredPositions implements AccountPositions {

    private final JdbcClient jdbc;

    StoredPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> of(long userId) {
        return jdbc.sql("select position from app_user where id = :id and position is not null")
                .param("id", userId).query(String.class).optional();
    }
}
