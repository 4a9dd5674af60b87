package kz.bilim.collection.internal;

import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.collection.CollectionBulkWriter;
import kz.bilim.collection.Level;
import kz.bilim.collection.NewForm;
import kz.bilim.collection.NewPeriod;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Iterator;
import java.util.List;

/**
 * The collection's bulk writer: submissions and their values are streamed by COPY into temporary staging tables on
 * the owner's connection; then one statement each writes the submissions, their values, their versions (the values
 * as JSON, a placeholder scan: received on paper), and their steps. All in one transaction.
 */
@Service
class CollectionBulkLoad implements CollectionBulkWriter {

    private static final String STAGING = """
            create temp table collection_bulk_submission (
                organisation_id bigint not null, kato text collate "C" not null, status text not null,
                version integer not null, arrived_at timestamptz, late boolean not null, returns integer not null,
                distortions integer not null, comment text
            ) on commit drop;
            create temp table collection_bulk_value (
                organisation_id bigint not null, field_code text collate "C" not null, row_code text collate "C" not null,
                number_value numeric(18, 2), text_value text
            ) on commit drop
            """;

    private static final String SUBMISSIONS = """
            insert into collection_submission (period_id, level, organisation_id, kato, addressee_kato, status, version,
                                               channel, arrived_at, late, distorted, distortions, returns, comment)
            select ?, 'ORGANISATION', s.organisation_id, s.kato, left(s.kato, 4) || '00000', s.status, s.version,
                   case when s.version > 0 then 'PAPER' end, s.arrived_at, case when s.version > 0 then s.late end,
                   s.distortions > 0, s.distortions, s.returns, s.comment
              from collection_bulk_submission s
            on conflict do nothing
            """;

    private static final String VALUES = """
            insert into collection_value (submission_id, kato, organisation_id, field_code, row_code, number_value,
                                          text_value, prefilled)
            select c.id, c.kato, c.organisation_id, v.field_code, v.row_code, v.number_value, v.text_value,
                   v.field_code in ('pupils', 'classes', 'pedagogues')
              from collection_bulk_value v
              join collection_submission c on c.period_id = ? and c.organisation_id = v.organisation_id
            """;

    /**
     * EIS-6: one level's consolidations (DISTRICT, REGION, MINISTRY), for every territory whose organisations are all
     * accepted, from its accepted participants: parameters the period, the level, the level's deadline (its arrival
     * is spread over the five days before it and a few hours after), the prefix length of the level above's KATO code
     * (district 2, region 0) and the comment of a return.
     */
    private static final String TERRITORIES = """
            insert into collection_submission (period_id, level, organisation_id, kato, addressee_kato, status, version,
                                               channel, arrived_at, late, distorted, distortions, returns, comment)
            select t.period_id, t.level, null, t.kato,
                   case when t.level = 'MINISTRY' then null else rpad(left(t.kato, t.above), 9, '0') end,
                   case when t.level = 'MINISTRY' then 'SUBMITTED' else 'ACCEPTED' end, 1 + t.returns, 'CONSOLIDATED',
                   t.arrived_at, t.arrived_at > t.deadline, false, 0, t.returns,
                   case when t.returns > 0 then t.comment end
              from (select c.period_id, l.level, c.addressee_kato as kato, l.deadline, l.above, l.comment,
                           greatest(max(c.arrived_at) + interval '1 hour',
                                    l.deadline - interval '5 days'
                                        + (abs(hashtext(c.addressee_kato)) % 132) * interval '1 hour') as arrived_at,
                           case when l.level <> 'MINISTRY' and abs(hashtext(c.addressee_kato || 'r')) % 10 = 0
                                then 1 else 0 end as returns
                      from (select cast(? as bigint) as period_id, cast(? as text) as level,
                                   cast(? as timestamptz) as deadline, cast(? as integer) as above,
                                   cast(? as text) as comment) l
                      join collection_submission c on c.period_id = l.period_id and c.status = 'ACCEPTED'
                                                  and c.level = case l.level when 'DISTRICT' then 'ORGANISATION'
                                                                             when 'REGION' then 'DISTRICT'
                                                                             else 'REGION' end
                     group by c.period_id, l.level, c.addressee_kato, l.deadline, l.above, l.comment) t
             where not exists (select 1 from collection_submission o
                                where o.period_id = t.period_id and o.level = 'ORGANISATION' and o.status <> 'ACCEPTED'
                                  and o.kato like left(t.kato, case t.level when 'DISTRICT' then 4
                                                                            when 'REGION' then 2 else 0 end) || '%')
            on conflict do nothing
            """;

    /** EIS-6: the consolidated values of one level's territories: parameters the period and the level. */
    private static final String TERRITORY_VALUES = """
            insert into collection_value (submission_id, kato, organisation_id, field_code, row_code, number_value)
            select t.id, t.kato, null, v.field_code, v.row_code, sum(v.number_value)
              from collection_submission t
              join collection_submission c on c.period_id = t.period_id and c.addressee_kato = t.kato
                                          and c.status = 'ACCEPTED'
              join collection_value v on v.submission_id = c.id
             where t.period_id = ? and t.level = ? and v.number_value is not null
             group by t.id, t.kato, v.field_code, v.row_code
            """;

    private static final String VERSIONS = """
            insert into collection_submission_version (submission_id, kato, organisation_id, version, channel, arrived_at,
                                                       late, content, scan, scan_type, paper_reference, submitted_by)
            select c.id, c.kato, c.organisation_id, n, c.channel, c.arrived_at, c.late and n = 1,
                   convert_to(coalesce((select jsonb_object_agg(v.field_code || case when v.row_code = '' then '' else '.' || v.row_code end,
                                                            coalesce(v.number_value::text, v.text_value))
                                          from collection_value v where v.submission_id = c.id), '{}')::text, 'UTF8'),
                   case when c.channel = 'PAPER' then convert_to('demo scan', 'UTF8') end,
                   case when c.channel = 'PAPER' then 'application/pdf' end,
                   case when c.channel = 'PAPER' then 'DEMO-' || c.id || '-' || n end, 'demo'
              from collection_submission c
              cross join lateral generate_series(1, c.version) n
             where c.period_id = ? and c.version > 0
            """;

    private static final String EVENTS = """
            insert into collection_event (submission_id, kato, organisation_id, action, version, actor, at, comment)
            select c.id, c.kato, c.organisation_id, e.action, e.version, 'demo', c.arrived_at, e.comment
              from collection_submission c
              cross join lateral (
                    select 'CONSOLIDATED' as action, 0 as version, null::text as comment where c.level <> 'ORGANISATION'
                    union all select 'SUBMITTED', n, null from generate_series(1, c.version) n
                    union all select 'RETURNED', 1, c.comment where c.returns > 0 and c.distortions = 0
                    union all select 'DISTORTED', 1, c.comment where c.distortions > 0
                    union all select 'ACCEPTED', c.version, null where c.status = 'ACCEPTED') e
             where c.period_id = ? and c.version > 0
            """;

    private static final List<String> REMOVALS = List.of(
            "delete from collection_event where organisation_id > ? and organisation_id <= ?",
            "delete from collection_lock_exception where organisation_id > ? and organisation_id <= ?",
            "delete from collection_submission_version where organisation_id > ? and organisation_id <= ?",
            "delete from collection_value where organisation_id > ? and organisation_id <= ?",
            "delete from collection_submission where organisation_id > ? and organisation_id <= ?");

    /** A territory's rows go with the last organisation of their period. */
    private static final String ORPHANED_TERRITORIES = """
            select t.id from collection_submission t
             where t.organisation_id is null
               and not exists (select 1 from collection_submission o
                                where o.period_id = t.period_id and o.organisation_id is not null)
            """;
    private static final List<String> TERRITORY_REMOVALS = List.of(
            "delete from collection_event where submission_id in (" + ORPHANED_TERRITORIES + ")",
            "delete from collection_lock_exception where submission_id in (" + ORPHANED_TERRITORIES + ")",
            "delete from collection_submission_version where submission_id in (" + ORPHANED_TERRITORIES + ")",
            "delete from collection_value where submission_id in (" + ORPHANED_TERRITORIES + ")",
            "delete from collection_submission where id in (" + ORPHANED_TERRITORIES + ")");

    private static final String RETURN_COMMENT = "Жиынтық мектептер деректерімен сәйкес емес / Свод не сходится с данными школ";

    private static final int CHUNK = 1 << 20;

    private final JsonMapper json;
    private final WorkingCalendar calendar;

    CollectionBulkLoad(JsonMapper json, WorkingCalendar calendar) {
        this.json = json;
        this.calendar = calendar;
    }

    @Override
    public Written write(DataSource owner, NewForm form, NewPeriod period, Iterator<BulkSubmission> submissions,
                         boolean upTheHierarchy) {
        long started = System.nanoTime();
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long formId = form(connection, form);
                long periodId = period(connection, formId, period);
                try (var statement = connection.createStatement()) {
                    statement.execute(STAGING);
                }
                copy(connection, submissions);
                long written;
                long values;
                try (var statement = connection.createStatement()) {
                    statement.execute("analyze collection_bulk_submission");
                    statement.execute("analyze collection_bulk_value");
                }
                written = update(connection, SUBMISSIONS, periodId);
                values = update(connection, VALUES, periodId);
                if (upTheHierarchy) upTheHierarchy(connection, periodId, period);
                update(connection, VERSIONS, periodId);
                update(connection, EVENTS, periodId);
                try (var statement = connection.createStatement()) {
                    statement.execute("analyze collection_submission");
                    statement.execute("analyze collection_value");
                }
                connection.commit();
                return new Written(formId, periodId, written, values, (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Collection bulk load failed: " + e.getMessage(), e);
        }
    }

    /** EIS-6: district, region, ministry in turn, each level one statement for its rows and one for their values. */
    private void upTheHierarchy(Connection connection, long periodId, NewPeriod period) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("analyze collection_submission");
        }
        for (Level level : List.of(Level.DISTRICT, Level.REGION, Level.MINISTRY)) {
            try (var ps = connection.prepareStatement(TERRITORIES)) {
                ps.setLong(1, periodId);
                ps.setString(2, level.name());
                ps.setObject(3, calendar.deadline(period.due().of(level)).toOffsetDateTime());
                ps.setInt(4, level == Level.DISTRICT ? 2 : 0);
                ps.setString(5, RETURN_COMMENT);
                ps.executeUpdate();
            }
            try (var ps = connection.prepareStatement(TERRITORY_VALUES)) {
                ps.setLong(1, periodId);
                ps.setString(2, level.name());
                ps.executeUpdate();
            }
        }
    }

    private long form(Connection connection, NewForm form) throws SQLException {
        try (var ps = connection.prepareStatement("select id from collection_form where code = ? and year = ?")) {
            ps.setString(1, form.code());
            ps.setInt(2, form.year());
            try (var rs = ps.executeQuery()) {
                if (rs.next()) return rs.getLong(1);
            }
        }
        try (var ps = connection.prepareStatement("""
                insert into collection_form (code, year, kind, periodicity, name_kk, name_ru, name_en, order_ref,
                                             applies_to, definition, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), cast(? as jsonb), 'demo') returning id
                """)) {
            ps.setString(1, form.code());
            ps.setInt(2, form.year());
            ps.setString(3, form.kind().name());
            ps.setString(4, form.periodicity().name());
            ps.setString(5, form.name().kk());
            ps.setString(6, form.name().ru());
            ps.setString(7, form.name().en());
            ps.setString(8, form.orderRef());
            ps.setString(9, String.join(",", form.appliesTo().stream().map(Enum::name).toList()));
            ps.setString(10, json.writeValueAsString(form.definition()));
            return single(ps);
        }
    }

    private static long period(Connection connection, long formId, NewPeriod period) throws SQLException {
        try (var ps = connection.prepareStatement("select id from collection_period where form_id = ? and label = ?")) {
            ps.setLong(1, formId);
            ps.setString(2, period.label());
            try (var rs = ps.executeQuery()) {
                if (rs.next()) return rs.getLong(1);
            }
        }
        try (var ps = connection.prepareStatement("""
                insert into collection_period (form_id, label, starts_on, ends_on, due_organisation, due_district,
                                               due_region, due_ministry, published_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, now()) returning id
                """)) {
            ps.setLong(1, formId);
            ps.setString(2, period.label());
            ps.setObject(3, period.startsOn());
            ps.setObject(4, period.endsOn());
            ps.setObject(5, period.due().organisation());
            ps.setObject(6, period.due().district());
            ps.setObject(7, period.due().region());
            ps.setObject(8, period.due().ministry());
            return single(ps);
        }
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long update(Connection connection, String sql, long periodId) throws SQLException {
        try (var ps = connection.prepareStatement(sql)) {
            ps.setLong(1, periodId);
            return ps.executeUpdate();
        }
    }

    private static void copy(Connection connection, Iterator<BulkSubmission> submissions) throws SQLException, IOException {
        var api = connection.unwrap(PGConnection.class).getCopyAPI();
        var rows = new StringBuilder(CHUNK + 4096);
        var values = new StringBuilder(CHUNK + 4096);
        var submissionCopy = new StringBuilder();
        // two COPYs cannot interleave on one connection: the submissions go first, the values are kept in chunks
        var valueChunks = new java.util.ArrayList<byte[]>();
        while (submissions.hasNext()) {
            var s = submissions.next();
            rows.append(s.organisationId()).append(',').append(s.kato()).append(',').append(s.status().name()).append(',')
                    .append(s.version()).append(',')
                    .append(s.arrivedAt() == null ? "" : Timestamp.from(s.arrivedAt()).toInstant().toString()).append(',')
                    .append(s.late()).append(',').append(s.returns()).append(',').append(s.distortions()).append(',');
            quoted(rows, s.comment()).append('\n');
            s.numbers().forEach((key, number) -> {
                int dot = key.indexOf('.');
                values.append(s.organisationId()).append(',').append(dot < 0 ? key : key.substring(0, dot)).append(',')
                        .append(dot < 0 ? "\"\"" : key.substring(dot + 1)).append(',').append(number.toPlainString())
                        .append(",\n");
            });
            s.texts().forEach((key, text) -> {
                values.append(s.organisationId()).append(',').append(key).append(",\"\",,");
                quoted(values, text).append('\n');
            });
            if (values.length() >= CHUNK) {
                valueChunks.add(values.toString().getBytes(StandardCharsets.UTF_8));
                values.setLength(0);
            }
        }
        valueChunks.add(values.toString().getBytes(StandardCharsets.UTF_8));
        submissionCopy.append(rows);
        write(api.copyIn("copy collection_bulk_submission from stdin (format csv)"),
                List.of(submissionCopy.toString().getBytes(StandardCharsets.UTF_8)));
        write(api.copyIn("copy collection_bulk_value from stdin (format csv)"), valueChunks);
    }

    private static void write(org.postgresql.copy.CopyIn copy, List<byte[]> chunks) throws SQLException {
        try {
            for (byte[] chunk : chunks) copy.writeToCopy(chunk, 0, chunk.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
    }

    private static StringBuilder quoted(StringBuilder line, String text) {
        if (text == null) return line;
        return line.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    @Override
    public void remove(DataSource owner, long organisationIdAfter, long organisationIdUpTo) {
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (String sql : REMOVALS) {
                    try (var ps = connection.prepareStatement(sql)) {
                        ps.setLong(1, organisationIdAfter);
                        ps.setLong(2, organisationIdUpTo);
                        ps.executeUpdate();
                    }
                }
                try (var statement = connection.createStatement()) {
                    for (String sql : TERRITORY_REMOVALS) statement.executeUpdate(sql);
                    statement.executeUpdate("""
                            delete from collection_period p where exists (select 1 from collection_form f
                                where f.id = p.form_id and f.created_by = 'demo')
                              and not exists (select 1 from collection_submission s where s.period_id = p.id)
                            """);
                    statement.executeUpdate("""
                            delete from collection_form f where f.created_by = 'demo'
                              and not exists (select 1 from collection_period p where p.form_id = f.id)
                            """);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Collection bulk removal failed: " + e.getMessage(), e);
        }
    }
}
