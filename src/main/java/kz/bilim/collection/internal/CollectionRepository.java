package kz.bilim.collection.internal;

import kz.bilim.collection.Completeness;
import kz.bilim.collection.Form;
import kz.bilim.collection.FormDefinition;
import kz.bilim.collection.Level;
import kz.bilim.collection.Period;
import kz.bilim.collection.Submission;
import kz.bilim.collection.SubmissionStatus;
import kz.bilim.collection.Texts;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.organisation.OrganisationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The collection's SQL, in one place: forms, periods, submissions, values, versions, steps, lock exceptions. */
@Repository
class CollectionRepository {

    private static final String SUBMISSION_COLUMNS = """
            s.id, s.period_id, s.level, s.organisation_id, s.kato, s.addressee_kato, s.status, s.version, s.channel,
            s.arrived_at, s.late, s.distorted, s.distortions, s.returns, s.comment, x.until as lock_until,
            s.consolidation_basis
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CollectionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- forms and periods

    long insertForm(String code, int year, Form.Kind kind, Form.Periodicity periodicity, Texts name, String orderRef,
                    List<OrganisationKind> appliesTo, FormDefinition definition, String actor) {
        return jdbc.sql("""
                        insert into collection_form (code, year, kind, periodicity, name_kk, name_ru, name_en, order_ref,
                                                     applies_to, definition, created_by)
                        values (:code, :year, :kind, :periodicity, :kk, :ru, :en, :orderRef,
                                string_to_array(:appliesTo, ','), cast(:definition as jsonb), :actor)
                        returning id
                        """)
                .param("code", code).param("year", year).param("kind", kind.name())
                .param("periodicity", periodicity.name()).param("kk", name.kk()).param("ru", name.ru())
                .param("en", name.en()).param("orderRef", orderRef)
                .param("appliesTo", String.join(",", appliesTo.stream().map(Enum::name).toList()))
                .param("definition", json.writeValueAsString(definition)).param("actor", actor)
                .query(Long.class).single();
    }

    boolean formExists(String code, int year) {
        return jdbc.sql("select exists (select 1 from collection_form where code = :code and year = :year)")
                .param("code", code).param("year", year).query(Boolean.class).single();
    }

    Optional<Form> form(long id) {
        return jdbc.sql("select * from collection_form where id = :id").param("id", id).query(this::mapForm).optional();
    }

    List<Form> forms(Integer year) {
        return jdbc.sql("select * from collection_form where (cast(:year as integer) is null or year = :year) "
                        + "order by year desc, kind, code")
                .param("year", year).query(this::mapForm).list();
    }

    private Form mapForm(ResultSet rs, int row) throws SQLException {
        var kinds = Arrays.stream((String[]) rs.getArray("applies_to").getArray()).map(OrganisationKind::valueOf).toList();
        return new Form(rs.getLong("id"), rs.getString("code"), rs.getInt("year"), Form.Kind.valueOf(rs.getString("kind")),
                Form.Periodicity.valueOf(rs.getString("periodicity")),
                new Texts(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
                rs.getString("order_ref"), kinds, json.readValue(rs.getString("definition"), FormDefinition.class));
    }

    long insertPeriod(long formId, String label, LocalDate startsOn, LocalDate endsOn, Period.Deadlines due) {
        return jdbc.sql("""
                        insert into collection_period (form_id, label, starts_on, ends_on, due_organisation, due_district,
                                                       due_region, due_ministry)
                        values (:form, :label, :startsOn, :endsOn, :o, :d, :r, :m) returning id
                        """)
                .param("form", formId).param("label", label).param("startsOn", startsOn).param("endsOn", endsOn)
                .param("o", due.organisation()).param("d", due.district()).param("r", due.region())
                .param("m", due.ministry()).query(Long.class).single();
    }

    boolean periodExists(long formId, String label) {
        return jdbc.sql("select exists (select 1 from collection_period where form_id = :form and label = :label)")
                .param("form", formId).param("label", label).query(Boolean.class).single();
    }

    Optional<Period> period(long id) {
        return jdbc.sql("select * from collection_period where id = :id").param("id", id).query(CollectionRepository::period)
                .optional();
    }

    List<Period> periods(long formId) {
        return jdbc.sql("select * from collection_period where form_id = :form order by starts_on desc, id desc")
                .param("form", formId).query(CollectionRepository::period).list();
    }

    private static Period period(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Period(rs.getLong("id"), rs.getLong("form_id"), rs.getString("label"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                new Period.Deadlines(rs.getObject("due_organisation", LocalDate.class),
                        rs.getObject("due_district", LocalDate.class), rs.getObject("due_region", LocalDate.class),
                        rs.getObject("due_ministry", LocalDate.class)),
                published == null ? null : published.toInstant());
    }

    void markPublished(long periodId, Instant at) {
        jdbc.sql("update collection_period set published_at = coalesce(published_at, :at) where id = :id")
                .param("id", periodId).param("at", utc(at)).update();
    }

    /** One participant row per organisation (id, KATO code), set-based; those already there are left alone. */
    int insertParticipants(long periodId, List<Long> organisations, List<String> katos) {
        if (organisations.isEmpty()) return 0;
        return jdbc.sql("""
                        insert into collection_submission (period_id, level, organisation_id, kato, addressee_kato)
                        select :period, 'ORGANISATION', o.id, o.kato, left(o.kato, 4) || '00000'
                          from unnest(cast(:ids as bigint[]), cast(:katos as text[])) as o (id, kato)
                        on conflict do nothing
                        """)
                .param("period", periodId).param("ids", organisations.toArray(Long[]::new))
                .param("katos", katos.toArray(String[]::new)).update();
    }

    // ---- submissions

    Optional<SubmissionRow> submission(long id, boolean forUpdate) {
        return ScopeCondition.current().sql(jdbc, "select " + SUBMISSION_COLUMNS + """
                          from collection_submission s
                          left join collection_lock_exception x on x.submission_id = s.id
                         where s.id = :id and {scope: kato=s.kato, organisation=s.organisation_id}
                        """ + (forUpdate ? " for update of s" : ""))
                .param("id", id).query(CollectionRepository::row).optional();
    }

    Optional<SubmissionRow> territorySubmission(long periodId, Level level, String kato, boolean forUpdate) {
        return ScopeCondition.current().sql(jdbc, "select " + SUBMISSION_COLUMNS + """
                          from collection_submission s
                          left join collection_lock_exception x on x.submission_id = s.id
                         where s.period_id = :period and s.level = :level and s.kato = :kato
                           and s.organisation_id is null and {scope: kato=s.kato, organisation=s.organisation_id}
                        """ + (forUpdate ? " for update of s" : ""))
                .param("period", periodId).param("level", level.name()).param("kato", kato)
                .query(CollectionRepository::row).optional();
    }

    record Filter(Long periodId, Level level, SubmissionStatus status, Boolean late, String katoPrefix) {
    }

    /** A page of submissions within the scope, the late ones first, then by KATO code. */
    List<SubmissionRow> submissions(Filter filter, int page, int size) {
        return ScopeCondition.current().sql(jdbc, "select " + SUBMISSION_COLUMNS + """
                          from collection_submission s
                          left join collection_lock_exception x on x.submission_id = s.id
                         where {scope: kato=s.kato, organisation=s.organisation_id}
                           and (cast(:period as bigint) is null or s.period_id = :period)
                           and (cast(:level as text) is null or s.level = :level)
                           and (cast(:status as text) is null or s.status = :status)
                           and (cast(:late as boolean) is null or coalesce(s.late, false) = :late)
                           and s.kato like :prefix
                         order by coalesce(s.late, false) desc, s.kato, s.organisation_id nulls first, s.id
                         limit :limit offset :offset
                        """)
                .param("period", filter.periodId()).param("level", filter.level() == null ? null : filter.level().name())
                .param("status", filter.status() == null ? null : filter.status().name()).param("late", filter.late())
                .param("prefix", (filter.katoPrefix() == null ? "" : filter.katoPrefix()) + "%")
                .param("limit", size + 1).param("offset", page * size)
                .query(CollectionRepository::row).list();
    }

    record SubmissionRow(long id, long periodId, Level level, Long organisationId, String kato, String addresseeKato,
                         SubmissionStatus status, int version, String channel, Instant arrivedAt, Boolean late,
                         boolean distorted, int distortions, int returns, String comment, LocalDate lockUntil,
                         String basis) {

        SubmissionRow withLockUntil(LocalDate until) {
            return new SubmissionRow(id, periodId, level, organisationId, kato, addresseeKato, status, version, channel,
                    arrivedAt, late, distorted, distortions, returns, comment, until, basis);
        }

        /** EIS-6: whether this consolidation was formed from exactly these accepted participants and versions. */
        boolean formedFrom(String current) {
            return basis != null && basis.equals(current);
        }
    }

    private static SubmissionRow row(ResultSet rs, int row) throws SQLException {
        Timestamp arrived = rs.getTimestamp("arrived_at");
        return new SubmissionRow(rs.getLong("id"), rs.getLong("period_id"), Level.valueOf(rs.getString("level")),
                (Long) rs.getObject("organisation_id"), rs.getString("kato"), rs.getString("addressee_kato"),
                SubmissionStatus.valueOf(rs.getString("status")), rs.getInt("version"), rs.getString("channel"),
                arrived == null ? null : arrived.toInstant(), (Boolean) rs.getObject("late"), rs.getBoolean("distorted"),
                rs.getInt("distortions"), rs.getInt("returns"), rs.getString("comment"),
                rs.getObject("lock_until", LocalDate.class), rs.getString("consolidation_basis"));
    }

    /** A territory's submission, new (so locked by this transaction and without values or lock exception). */
    SubmissionRow insertTerritorySubmission(long periodId, Level level, String kato, String addresseeKato) {
        return jdbc.sql("""
                        insert into collection_submission (period_id, level, kato, addressee_kato)
                        values (:period, :level, :kato, :addressee)
                        returning id, period_id, level, organisation_id, kato, addressee_kato, status, version, channel,
                                  arrived_at, late, distorted, distortions, returns, comment, null::date as lock_until,
                                  consolidation_basis
                        """)
                .param("period", periodId).param("level", level.name()).param("kato", kato)
                .param("addressee", addresseeKato).query(CollectionRepository::row).single();
    }

    List<Submission.Value> values(long submissionId) {
        return jdbc.sql("""
                        select field_code, row_code, number_value, text_value, prefilled, explanation
                          from collection_value where submission_id = :id order by field_code, row_code
                        """)
                .param("id", submissionId).query(CollectionRepository::value).list();
    }

    private static Submission.Value value(ResultSet rs, int n) throws SQLException {
        return new Submission.Value(rs.getString("field_code"), rs.getString("row_code"), rs.getBigDecimal("number_value"),
                rs.getString("text_value"), rs.getBoolean("prefilled"), rs.getString("explanation"));
    }

    void replaceValues(SubmissionRow s, List<Submission.Value> values) {
        jdbc.sql("delete from collection_value where submission_id = :id").param("id", s.id()).update();
        if (values.isEmpty()) return;
        var fields = new ArrayList<String>();
        var rows = new ArrayList<String>();
        var numbers = new ArrayList<BigDecimal>();
        var texts = new ArrayList<String>();
        var prefilled = new ArrayList<Boolean>();
        var explanations = new ArrayList<String>();
        for (var v : values) {
            fields.add(v.field());
            rows.add(v.row());
            numbers.add(v.number());
            texts.add(v.text());
            prefilled.add(v.prefilled());
            explanations.add(v.explanation());
        }
        jdbc.sql("""
                        insert into collection_value (submission_id, kato, organisation_id, field_code, row_code,
                                                      number_value, text_value, prefilled, explanation)
                        select :id, :kato, :org, v.f, v.r, v.n, v.t, v.p, v.e
                          from unnest(cast(:f as text[]), cast(:r as text[]), cast(:n as numeric[]), cast(:t as text[]),
                                      cast(:p as boolean[]), cast(:e as text[])) as v (f, r, n, t, p, e)
                        """)
                .param("id", s.id()).param("kato", s.kato()).param("org", s.organisationId())
                .param("f", fields.toArray(String[]::new)).param("r", rows.toArray(String[]::new))
                .param("n", numbers.toArray(BigDecimal[]::new)).param("t", texts.toArray(String[]::new))
                .param("p", prefilled.toArray(Boolean[]::new)).param("e", explanations.toArray(String[]::new))
                .update();
    }

    /** EIS-6: the sums, by field and row, of the number values of the accepted submissions addressed to a territory. */
    private static final String CONSOLIDATED_SUMS = """
            select v.field_code, v.row_code, sum(v.number_value) as total
              from collection_submission s
              join collection_value v on v.submission_id = s.id
             where s.period_id = :period and s.addressee_kato = :kato and s.status = 'ACCEPTED'
               and v.number_value is not null
             group by v.field_code, v.row_code
            """;

    /**
     * EIS-6: what the sums are formed from — the accepted submissions addressed to a territory and their versions. An
     * accepted submission's values change only with a new version, so an unchanged basis means unchanged sums.
     */
    private static final String BASIS = """
            select md5(string_agg(b.id || ':' || b.version, ',' order by b.id))
              from collection_submission b
             where b.period_id = :period and b.addressee_kato = :kato and b.status = 'ACCEPTED'
            """;

    /**
     * EIS-6: the consolidation of one territory, one statement over one snapshot: its values become
     * {@link #CONSOLIDATED_SUMS}, and its row remembers the {@link #BASIS} they were formed from. Returns the values
     * written, in the order of field and row. {@code fresh}: a row just made, with no values to remove first.
     */
    List<Submission.Value> consolidate(long targetId, String kato, long periodId, boolean fresh) {
        if (!fresh) jdbc.sql("delete from collection_value where submission_id = :id").param("id", targetId).update();
        return jdbc.sql("""
                        with based as (update collection_submission set consolidation_basis = (%s) where id = :target)
                        insert into collection_value (submission_id, kato, organisation_id, field_code, row_code, number_value)
                        select :target, :kato, null, c.field_code, c.row_code, c.total from (%s) c
                        returning field_code, row_code, number_value
                        """.formatted(BASIS, CONSOLIDATED_SUMS))
                .param("target", targetId).param("kato", kato).param("period", periodId)
                .query((rs, n) -> new Submission.Value(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), null, false,
                        null))
                .list().stream()
                .sorted(Comparator.comparing(Submission.Value::field).thenComparing(Submission.Value::row))
                .toList();
    }

    /** EIS-6: what {@link #consolidate} would write now, without writing (a stale consolidation's bytes to sign). */
    List<Submission.Value> consolidatedSums(String kato, long periodId) {
        return jdbc.sql(CONSOLIDATED_SUMS + " order by 1, 2").param("kato", kato).param("period", periodId)
                .query((rs, n) -> new Submission.Value(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), null, false,
                        null))
                .list();
    }

    /**
     * EIS-6: a territory's stored consolidation, if it was formed from the {@link #BASIS} as it stands now — one
     * statement; empty when it is stale (or was never formed).
     */
    List<Submission.Value> consolidationIfCurrent(SubmissionRow territory) {
        if (territory.basis() == null) return List.of();
        return jdbc.sql("""
                        select field_code, row_code, number_value, text_value, prefilled, explanation
                          from collection_value where submission_id = :id and (%s) = :basis
                         order by field_code, row_code
                        """.formatted(BASIS))
                .param("id", territory.id()).param("basis", territory.basis()).param("kato", territory.kato())
                .param("period", territory.periodId()).query(CollectionRepository::value).list();
    }

    /** EIS-6: the participants addressed to a territory, and how many of them are accepted. */
    record Participation(long expected, long accepted, String basis) {

        boolean complete() {
            return expected > 0 && accepted >= expected;
        }

        long missing() {
            return expected - accepted;
        }
    }

    /**
     * The participants a territory consolidates: the organisations addressed to a district; for a region, every
     * district with organisations in the period (a district row exists once it consolidated); for the ministry,
     * every region likewise. With the {@link #BASIS} of the accepted ones, read in the same statement.
     */
    Participation participation(long periodId, Level level, String kato) {
        if (level == Level.DISTRICT)
            return jdbc.sql("""
                            select count(*) as expected, count(*) filter (where status = 'ACCEPTED') as accepted,
                                   md5(string_agg(id || ':' || version, ',' order by id)
                                           filter (where status = 'ACCEPTED')) as basis
                              from collection_submission where period_id = :period and addressee_kato = :kato
                            """)
                    .param("period", periodId).param("kato", kato)
                    .query((rs, n) -> new Participation(rs.getLong(1), rs.getLong(2), rs.getString(3))).single();
        int length = level == Level.REGION ? 4 : 2;
        String childLevel = level == Level.REGION ? "DISTRICT" : "REGION";
        String pad = level == Level.REGION ? "00000" : "0000000";
        return jdbc.sql("""
                        with expected as (
                            select distinct left(o.kato, :length) || :pad as kato
                              from collection_submission o
                             where o.period_id = :period and o.level = 'ORGANISATION' and o.kato like :prefix)
                        select count(*) as expected,
                               count(*) filter (where t.status = 'ACCEPTED') as accepted, (%s) as basis
                          from expected e
                          left join collection_submission t
                            on t.period_id = :period and t.level = :childLevel and t.kato = e.kato
                        """.formatted(BASIS))
                .param("length", length).param("pad", pad).param("period", periodId)
                .param("prefix", (level == Level.MINISTRY ? "" : kato.substring(0, 2)) + "%")
                .param("childLevel", childLevel).param("kato", kato)
                .query((rs, n) -> new Participation(rs.getLong(1), rs.getLong(2), rs.getString(3))).single();
    }

    /** The columns of a submission row just changed, as {@link #SUBMISSION_COLUMNS} (its lock exception unchanged). */
    private static final String CHANGED_COLUMNS = """
            returning id, period_id, level, organisation_id, kato, addressee_kato, status, version, channel, arrived_at,
                      late, distorted, distortions, returns, comment, cast(:lockUntil as date) as lock_until,
                      consolidation_basis
            """;

    /** A new status (and comment); returns the row as it now stands. */
    SubmissionRow update(SubmissionRow s, SubmissionStatus status, String comment) {
        return jdbc.sql("update collection_submission set status = :status, comment = :comment, updated_at = now() "
                        + "where id = :id " + CHANGED_COLUMNS)
                .param("id", s.id()).param("status", status.name()).param("comment", comment)
                .param("lockUntil", s.lockUntil()).query(CollectionRepository::row).single();
    }

    /** Returned (for a distortion: marked so and counted); returns the row as it now stands. */
    SubmissionRow returned(SubmissionRow s, String comment, boolean distortion) {
        return jdbc.sql("""
                        update collection_submission
                           set status = 'RETURNED', comment = :comment, returns = returns + 1,
                               distorted = distorted or :distortion,
                               distortions = distortions + case when :distortion then 1 else 0 end, updated_at = now()
                         where id = :id
                        """ + CHANGED_COLUMNS)
                .param("id", s.id()).param("comment", comment).param("distortion", distortion)
                .param("lockUntil", s.lockUntil()).query(CollectionRepository::row).single();
    }

    record NewVersion(long submissionId, String kato, Long organisationId, int version, String channel,
                      Instant arrivedAt, boolean late, byte[] content, byte[] signature, String signerName,
                      String signerBin, String certificateSerial, byte[] scan, String scanType, String paperReference,
                      String submittedBy) {
    }

    /**
     * EIS-7, EIS-8: a version reaches the addressee — kept with its proof, the submission dated (late once late) and
     * the step in its history — in one statement, so that a deadline-day burst pays one round trip, not four: it
     * returns the history with the step.
     */
    List<Submission.Step> arrived(NewVersion v, Instant at, String comment) {
        return jdbc.sql("""
                        with kept as (
                            insert into collection_submission_version (submission_id, kato, organisation_id, version,
                                   channel, arrived_at, late, content, signature, signer_name, signer_bin,
                                   certificate_serial, scan, scan_type, paper_reference, submitted_by)
                            values (:id, :kato, :org, :version, :channel, :arrived, :late, :content, :signature,
                                    :signerName, :signerBin, :serial, :scan, :scanType, :reference, :by)),
                        dated as (
                            update collection_submission
                               set status = 'SUBMITTED', version = :version, channel = :channel, arrived_at = :arrived,
                                   late = coalesce(late, :late), comment = null, updated_at = now()
                             where id = :id),
                        added as (
                            insert into collection_event (submission_id, kato, organisation_id, action, version, actor, at,
                                                          comment)
                            values (:id, :kato, :org, 'SUBMITTED', :version, :by, :at, :comment)
                            returning id, action, version, actor, at, comment)
                        """ + HISTORY_WITH_ADDED)
                .param("id", v.submissionId()).param("kato", v.kato()).param("org", v.organisationId())
                .param("version", v.version()).param("channel", v.channel()).param("arrived", utc(v.arrivedAt()))
                .param("late", v.late()).param("content", v.content()).param("signature", v.signature())
                .param("signerName", v.signerName()).param("signerBin", v.signerBin())
                .param("serial", v.certificateSerial()).param("scan", v.scan()).param("scanType", v.scanType())
                .param("reference", v.paperReference()).param("by", v.submittedBy()).param("at", utc(at))
                .param("comment", comment).query(CollectionRepository::step).list();
    }

    Optional<byte[]> versionContent(long submissionId, int version) {
        return jdbc.sql("select content from collection_submission_version where submission_id = :id and version = :v")
                .param("id", submissionId).param("v", version).query(byte[].class).optional();
    }

    /** A step in a submission's history; returns the history with it, in order (so that no read follows). */
    List<Submission.Step> event(SubmissionRow s, String action, int version, String actor, Instant at, String comment) {
        return jdbc.sql("""
                        with added as (
                            insert into collection_event (submission_id, kato, organisation_id, action, version, actor, at,
                                                          comment)
                            values (:id, :kato, :org, :action, :version, :actor, :at, :comment)
                            returning id, action, version, actor, at, comment)
                        """ + HISTORY_WITH_ADDED)
                .param("id", s.id()).param("kato", s.kato()).param("org", s.organisationId()).param("action", action)
                .param("version", version).param("actor", actor).param("at", utc(at)).param("comment", comment)
                .query(CollectionRepository::step).list();
    }

    /** The history before a statement's step ({@code added}, which the statement's own reads do not see yet) and it. */
    private static final String HISTORY_WITH_ADDED = """
            select action, version, actor, at, comment, id from collection_event where submission_id = :id
            union all
            select action, version, actor, at, comment, id from added
            order by id
            """;

    private static Submission.Step step(ResultSet rs, int n) throws SQLException {
        return new Submission.Step(rs.getString("action"), rs.getInt("version"), rs.getString("actor"),
                rs.getTimestamp("at").toInstant(), rs.getString("comment"));
    }

    List<Submission.Step> history(long submissionId) {
        return jdbc.sql("select action, version, actor, at, comment from collection_event where submission_id = :id order by id")
                .param("id", submissionId).query(CollectionRepository::step).list();
    }

    void lockException(SubmissionRow s, LocalDate until, String reason, String actor, Instant at) {
        jdbc.sql("""
                        insert into collection_lock_exception (submission_id, kato, organisation_id, until, reason, granted_by, granted_at)
                        values (:id, :kato, :org, :until, :reason, :actor, :at)
                        on conflict (submission_id) do update
                           set until = excluded.until, reason = excluded.reason, granted_by = excluded.granted_by,
                               granted_at = excluded.granted_at
                        """)
                .param("id", s.id()).param("kato", s.kato()).param("org", s.organisationId()).param("until", until)
                .param("reason", reason).param("actor", actor).param("at", utc(at)).update();
    }

    // ---- completeness (EIS-1, EIS-8, EIS-10)

    /**
     * Per child of the territory (regions of the country, districts of a region, organisations of a district): the
     * organisations expected, submitted, accepted, late, ever returned, ever distorted — one grouped statement over
     * the organisations' submissions, within the scope; late ones first.
     */
    List<Completeness> completeness(long periodId, String katoPrefix, int childLength) {
        boolean organisations = childLength >= 9;
        String kato = organisations ? "s.kato" : "left(s.kato, :length)";
        String organisation = organisations ? "s.organisation_id" : "null::bigint";
        return ScopeCondition.current().sql(jdbc, """
                        select %s as kato, %s as organisation_id, count(*) as expected,
                               count(*) filter (where s.version > 0) as submitted,
                               count(*) filter (where s.status = 'ACCEPTED') as accepted,
                               count(*) filter (where s.late) as late,
                               count(*) filter (where s.returns > 0) as returned,
                               count(*) filter (where s.distortions > 0) as distorted
                          from collection_submission s
                         where s.period_id = :period and s.level = 'ORGANISATION' and s.kato like :prefix
                           and {scope: kato=s.kato, organisation=s.organisation_id}
                         group by 1, 2
                         order by 6 desc, count(*) - count(*) filter (where s.version > 0) desc, 1, 2
                        """.formatted(kato, organisation))
                .param("period", periodId).param("prefix", katoPrefix + "%").param("length", childLength)
                .query((rs, n) -> new Completeness(rs.getString("kato"), (Long) rs.getObject("organisation_id"), null,
                        rs.getLong("expected"), rs.getLong("submitted"), rs.getLong("accepted"), rs.getLong("late"),
                        rs.getLong("returned"), rs.getLong("distorted")))
                .list();
    }

    /** National sums of the accepted organisations' number values, by field and row (the final report's data). */
    Map<String, BigDecimal> acceptedSums(long periodId) {
        var sums = new java.util.LinkedHashMap<String, BigDecimal>();
        ScopeCondition.current().sql(jdbc, """
                        select v.field_code, v.row_code, sum(v.number_value) as total
                          from collection_submission s join collection_value v on v.submission_id = s.id
                         where s.period_id = :period and s.level = 'ORGANISATION' and s.status = 'ACCEPTED'
                           and v.number_value is not null and {scope: kato=s.kato, organisation=s.organisation_id}
                         group by v.field_code, v.row_code order by 1, 2
                        """)
                .param("period", periodId)
                .query(rs -> {
                    sums.put(rs.getString(1) + (rs.getString(2).isEmpty() ? "" : "." + rs.getString(2)),
                            rs.getBigDecimal(3));
                });
        return sums;
    }

    // ---- the public API for statistics

    record AcceptedValue(long organisationId, String kato, String field, String row, BigDecimal number, String text) {
    }

    /** Accepted values of these fields (by code) of a form's latest period of a year, for organisations (null: all). */
    List<AcceptedValue> accepted(String formCode, int year, Collection<String> fields, Collection<Long> organisations) {
        return ScopeCondition.current().sql(jdbc, """
                        select s.organisation_id, s.kato, v.field_code, v.row_code, v.number_value, v.text_value
                          from collection_form f
                          join lateral (select p.id from collection_period p where p.form_id = f.id
                                         order by p.ends_on desc, p.id desc limit 1) p on true
                          join collection_submission s on s.period_id = p.id and s.level = 'ORGANISATION'
                                                      and s.status = 'ACCEPTED'
                          join collection_value v on v.submission_id = s.id
                         where f.code = :code and f.year = :year and v.field_code = any (cast(:fields as text[]))
                           and (cast(:orgs as bigint[]) is null or s.organisation_id = any (cast(:orgs as bigint[])))
                           and {scope: kato=s.kato, organisation=s.organisation_id}
                         order by s.organisation_id, v.field_code, v.row_code
                        """)
                .param("code", formCode).param("year", year).param("fields", fields.toArray(String[]::new))
                .param("orgs", organisations == null ? null : organisations.toArray(Long[]::new))
                .query((rs, n) -> new AcceptedValue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6)))
                .list();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    @SuppressWarnings("unused")
    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
