package kz.bilim.audit;

import kz.bilim.BilimTest;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Records deferred to the commit (AuditTrail.recordAtCommit): in the same transaction, written when it commits. */
@BilimTest
class AuditAtCommitTest {

    @Autowired AuditTrail audit;
    @Autowired TransactionTemplate transaction;
    @Autowired OwnerDataSource ownerDataSource;
    @Autowired JdbcClient jdbc;

    private long count(String subjectType) {
        return JdbcClient.create(ownerDataSource).sql("select count(*) from audit_event where subject_type = :t")
                .param("t", subjectType).query(Long.class).single();
    }

    private static AuditEntry entry(String subjectType, int n) {
        return AuditEntry.of(AuditAction.READ, subjectType, n, "191000000", null).because("test").with(Map.of("n", n));
    }

    @Test
    @DisplayName("audit at commit: two records of a transaction are written when it commits, both; none when it rolls back; at once outside a transaction")
    void atCommit() {
        String committed = "at-commit-" + UUID.randomUUID().toString().substring(0, 8);
        CurrentScope.asSystem(() -> transaction.executeWithoutResult(status -> {
            audit.recordAtCommit(entry(committed, 1));
            audit.recordAtCommit(entry(committed, 2));
            // the transaction's own connection: an immediate insert would show here
            assertThat(jdbc.sql("select count(*) from audit_event where subject_type = :t").param("t", committed)
                    .query(Long.class).single()).as("not written before the commit").isZero();
        }));
        assertThat(count(committed)).isEqualTo(2);
        assertThat(JdbcClient.create(ownerDataSource).sql(
                        "select string_agg(subject_id || ':' || (details->>'n'), ',' order by id) from audit_event where subject_type = :t")
                .param("t", committed).query(String.class).single()).isEqualTo("1:1,2:2");

        String rolledBack = "at-commit-" + UUID.randomUUID().toString().substring(0, 8);
        transaction.executeWithoutResult(status -> {
            audit.recordAtCommit(entry(rolledBack, 1));
            status.setRollbackOnly();
        });
        assertThat(count(rolledBack)).isZero();

        String alone = "at-commit-" + UUID.randomUUID().toString().substring(0, 8);
        audit.recordAtCommit(entry(alone, 1));
        assertThat(count(alone)).isEqualTo(1);
    }
}
