package kz.bilim.kernel;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A system run and the database session must agree about the scope: the Java filter and row-level security. */
@BilimTest
class CurrentScopeTest {

    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a system run inside an open transaction is refused: its connection already holds another scope")
    void systemRunInsideATransactionIsRefused() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> CurrentScope.asSystem(() -> { })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside any transaction")
                .hasMessageContaining("NONE");
    }

    @Test
    @DisplayName("a system run opens its own connection, which carries the whole country to row-level security")
    void systemRunStampsItsConnection() {
        String inside = CurrentScope.asSystem(() -> transaction.execute(status ->
                jdbc.sql("select current_setting('bilim.scope')").query(String.class).single()));
        String outside = transaction.execute(status ->
                jdbc.sql("select current_setting('bilim.scope')").query(String.class).single());
        assertThat(inside).isEqualTo("ALL");
        assertThat(outside).isEqualTo("NONE");
        assertThat(CurrentScope.isSystem()).isFalse();
    }

    @Test
    @DisplayName("a system run inside a system run's transaction joins it: the connection already carries the whole country")
    void systemRunInsideASystemRunJoinsIt() {
        String inner = CurrentScope.asSystem(() -> transaction.execute(status -> {
            String outer = jdbc.sql("select pg_backend_pid()::text").query(String.class).single();
            return CurrentScope.asSystem(() -> transaction.execute(s ->
                    outer + "=" + jdbc.sql("select pg_backend_pid()::text || ' ' || current_setting('bilim.scope')")
                            .query(String.class).single()));
        }));
        String[] parts = inner.split("=");
        assertThat(parts[1]).isEqualTo(parts[0] + " ALL");
        assertThat(CurrentScope.isSystem()).isFalse();
    }
}
