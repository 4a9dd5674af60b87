package kz.bilim.child.internal;

import kz.bilim.child.ChildImport;
import kz.bilim.child.ChildImports.Rejection;
import kz.bilim.child.ChildSource;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The imports and their rejected rows. Queuing and reading go through the caller's connection (row-level security:
 * an import only inside the caller's scope); the worker's progress and results are written on the owner's
 * connection, in the merge's transaction.
 */
@Repository
class ChildImportRepository {

    private static final String COLUMNS = """
            id, source, kato, state, rows, accepted, rejected, inserted, updated, unchanged, withdrawn, children, message
            """;

    private static final String QUEUE = """
            insert into child_import (source, kato, actor) values (:source, :kato, :actor) returning
            """ + COLUMNS;

    private static final String FIND = "select " + COLUMNS + " from child_import i where i.id = :id and {scope: kato=i.kato}";

    private static final String REJECTIONS = """
            select r.row_number, r.field, r.reason, r.args
              from child_import_rejection r join child_import i on i.id = r.import_id
             where r.import_id = :id and {scope: kato=i.kato}
             order by r.row_number, r.field
            """;

    private static final String RUNNING = "update child_import set state = 'RUNNING', started_at = now() where id = :id";

    private static final String DONE = """
            update child_import set state = 'DONE', finished_at = now(), rows = :rows, accepted = :accepted,
                   rejected = :rejected, inserted = :inserted, updated = :updated, unchanged = :unchanged,
                   withdrawn = :withdrawn, children = :children
             where id = :id
            """;

    private static final String FAILED = """
            update child_import set state = 'FAILED', finished_at = now(), rows = :rows, message = :message where id = :id
            """;

    private static final String COPY_REJECTIONS = """
            copy child_import_rejection (import_id, row_number, field, reason, args) from stdin (format csv)
            """;

    private final JdbcClient jdbc;
    private final OwnerDataSource owner;
    private final JdbcClient ownerJdbc;

    ChildImportRepository(JdbcClient jdbc, OwnerDataSource owner) {
        this.jdbc = jdbc;
        this.owner = owner;
        this.ownerJdbc = JdbcClient.create(owner);
    }

    /** Queues an import; a second one of the same source and territory while one is queued or running violates
     * {@code child_import_one_at_a_time} (DuplicateKeyException). */
    ChildImport queue(ChildSource source, String kato, String actor) {
        return jdbc.sql(QUEUE).param("source", source.name()).param("kato", kato).param("actor", actor)
                .query(ChildImportRepository::map).single();
    }

    Optional<ChildImport> find(long id) {
        return ScopeCondition.current().sql(jdbc, FIND).param("id", id).query(ChildImportRepository::map).optional();
    }

    /** The import as it is, on the owner's connection (the command line's system run). */
    ChildImport findAsOwner(long id) {
        return ownerJdbc.sql("select " + COLUMNS + " from child_import where id = :id").param("id", id)
                .query(ChildImportRepository::map).single();
    }

    List<Rejection> rejections(long id) {
        return ScopeCondition.current().sql(jdbc, REJECTIONS).param("id", id)
                .query((rs, n) -> rejection(rs)).list();
    }

    /**
     * The rejected rows of an import one by one, in row order, on the owner's connection (the command line's system
     * run: a national file may have many, so they are streamed, never listed).
     */
    void forEachRejectionAsOwner(long id, java.util.function.Consumer<Rejection> each) {
        ownerJdbc.sql("""
                select row_number, field, reason, args from child_import_rejection
                 where import_id = :id order by row_number, field
                """).param("id", id).query(rs -> {
            each.accept(rejection(rs));
        });
    }

    private static Rejection rejection(ResultSet rs) throws SQLException {
        Array args = rs.getArray("args");
        return new Rejection(rs.getInt("row_number"), rs.getString("field"), rs.getString("reason"),
                args == null ? List.of() : Arrays.stream((Object[]) args.getArray()).map(String::valueOf).toList());
    }

    void running(long id) {
        ownerJdbc.sql(RUNNING).param("id", id).update();
    }

    void done(long id, int rows, int accepted, int rejected, ChildMerge.Merged merged) {
        ownerJdbc.sql(DONE).param("id", id).param("rows", rows).param("accepted", accepted).param("rejected", rejected)
                .param("inserted", merged.inserted()).param("updated", merged.updated())
                .param("unchanged", accepted - merged.inserted() - merged.updated())
                .param("withdrawn", merged.withdrawn()).param("children", merged.children()).update();
    }

    void failed(long id, int rows, String messageKey) {
        ownerJdbc.sql(FAILED).param("id", id).param("rows", rows).param("message", messageKey).update();
    }

    /**
     * Writes the rejected rows spooled to a file (COPY's CSV: import id, row, field, reason, args) by COPY, in the
     * merge's transaction. Arguments are codes and numbers, never names.
     */
    void saveRejections(java.nio.file.Path spool) {
        var connection = DataSourceUtils.getConnection(owner);
        try (var in = java.nio.file.Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            new org.postgresql.copy.CopyManager(connection.unwrap(org.postgresql.core.BaseConnection.class))
                    .copyIn(COPY_REJECTIONS, in);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY of the rejected rows failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, owner);
        }
    }

    /** A text[] literal of the arguments. */
    static String arrayLiteral(List<String> args) {
        return args.stream().map(a -> '"' + a.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static ChildImport map(ResultSet rs, int n) throws SQLException {
        return new ChildImport(rs.getLong("id"), ChildSource.valueOf(rs.getString("source")), rs.getString("kato"),
                ChildImport.State.valueOf(rs.getString("state")), rs.getInt("rows"), rs.getInt("accepted"),
                rs.getInt("rejected"), rs.getInt("inserted"), rs.getInt("updated"), rs.getInt("unchanged"),
                rs.getInt("withdrawn"), rs.getInt("children"), rs.getString("message"));
    }
}
