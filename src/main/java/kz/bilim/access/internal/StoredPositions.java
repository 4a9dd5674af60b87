package kz.bilim.access.internal;

import kz.bilim.access.AccountPositions;
import kz.bilim.kernel.CurrentScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** {@link AccountPositions} from {@code app_user.position} (V104); a system run, joining one if it is in one. */
@Service
class StoredPositions implements AccountPositions {

    private final JdbcClient jdbc;

    StoredPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> of(long userId) {
        return CurrentScope.asSystem(() -> jdbc.sql("select position from app_user where id = :id and position is not null")
                .param("id", userId).query(String.class).optional());
    }
}
