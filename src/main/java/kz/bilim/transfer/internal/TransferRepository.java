package kz.bilim.transfer.internal;

import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.transfer.DocumentKind;
import kz.bilim.transfer.ExceptionGround;
import kz.bilim.transfer.IssuedDocument;
import kz.bilim.transfer.RefusalGround;
import kz.bilim.transfer.Route;
import kz.bilim.transfer.TransferApplication;
import kz.bilim.transfer.TransferId;
import kz.bilim.transfer.TransferStage;
import kz.bilim.transfer.TransferState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transfer tables. Desk reads carry the caller's scope (the receiving or the departing school's place) as well
 * as row-level security; the applicant's own reads run as a system run filtered by the account.
 */
@Repository
class TransferRepository {

    private static final String COLUMNS = """
            a.id, a.route, a.state, a.applicant_iin, a.applicant_name, a.applicant_phone, a.child_person_id,
            a.child_iin, a.child_name, a.child_birth_date, a.child_citizenship, a.foreign_child, a.grade,
            a.settlement, a.district, a.city, a.region, a.registered_address, a.consent, a.application_date,
            a.exception_ground, a.supporting_document, a.documents, a.departing_organisation_id,
            a.departing_enrolment_id, a.receiving_organisation_id, a.kato, a.received_at, a.registered_at, a.due_at,
            a.signed_on_server, a.class_id, a.enrolment_id, a.refusal_ground, a.refusal_reason, a.decided_at,
            a.decided_by, a.arrival_coupon_issued_on, a.arrival_coupon_valid_to, a.departure_coupon_issued_on,
            a.version, a.residence_document
            """;

    private static final String IN_SCOPE = """
            ({scope: kato=a.kato, organisation=a.receiving_organisation_id}
             or {scope: kato=a.departing_kato, organisation=a.departing_organisation_id})
            """;

    /**
     * The application and its first stage in one statement, answering the row as read back: a portal submission is
     * the busiest write of the service (issue 11's benchmark), and each statement is a round trip.
     */
    private static final String INSERT = """
            with a as (
            insert into transfer_application (route, state, applicant_user_id, applicant_iin, applicant_name,
                applicant_phone, child_person_id, child_iin, child_name, child_birth_date, child_citizenship,
                foreign_child, grade, settlement, district, city, region, registered_address, consent,
                application_date, exception_ground, supporting_document, documents, departing_organisation_id,
                departing_kato, departing_enrolment_id, receiving_organisation_id, kato, received_at, registered_at,
                due_at, signed_content, signature, signed_on_server, residence_document)
            values (:route, 'SUBMITTED', :user, :applicantIin, :applicantName, :phone, :child, :childIin, :childName,
                :birth, :citizenship, :foreign, :grade, :settlement, :district, :city, :region, :address, :consent,
                :date, :exception, :document, :documents, :departing, :departingKato, :departingEnrolment,
                :receiving, :kato, :received, :registered, :due, :content, :signature, :onServer, :residenceDocument)
            returning *),
            s as (
            insert into transfer_stage (application_id, stage, at, actor, actor_role, kato, note)
            select a.id, 'SUBMITTED', :received, :actor, :actorRole, a.kato, :note from a)
            """ + "select " + COLUMNS + " from a";

    private final JdbcClient jdbc;

    TransferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewApplication(Route route, Long userId, String applicantIin, String applicantName, String phone,
                          long childPersonId, String childIin, String childName, LocalDate birthDate,
                          String citizenship, boolean foreign, int grade, String settlement, String district,
                          String city, String region, String address, boolean consent, LocalDate date,
                          ExceptionGround exception, String supportingDocument, String documents,
                          Long departingOrganisation, String departingKato, Long departingEnrolment,
                          long receivingOrganisation, String kato, ZonedDateTime received, ZonedDateTime registered,
                          ZonedDateTime due, byte[] content, byte[] signature, boolean signedOnServer,
                          String residenceDocument) {
    }

    /** The new application in the state SUBMITTED, its stage SUBMITTED at its receipt by this actor, with the note. */
    TransferApplication insert(NewApplication n, String actor, String actorRole, String note) {
        return jdbc.sql(INSERT)
                .param("route", n.route().name()).param("user", n.userId()).param("applicantIin", n.applicantIin())
                .param("applicantName", n.applicantName()).param("phone", n.phone()).param("child", n.childPersonId())
                .param("childIin", n.childIin()).param("childName", n.childName()).param("birth", n.birthDate())
                .param("citizenship", n.citizenship()).param("foreign", n.foreign()).param("grade", n.grade())
                .param("settlement", n.settlement()).param("district", n.district()).param("city", n.city())
                .param("region", n.region()).param("address", n.address()).param("consent", n.consent())
                .param("date", n.date()).param("exception", n.exception() == null ? null : n.exception().name())
                .param("document", n.supportingDocument()).param("documents", n.documents())
                .param("departing", n.departingOrganisation()).param("departingKato", n.departingKato())
                .param("departingEnrolment", n.departingEnrolment()).param("receiving", n.receivingOrganisation())
                .param("kato", n.kato()).param("received", n.received().toOffsetDateTime())
                .param("registered", n.registered().toOffsetDateTime()).param("due", n.due().toOffsetDateTime())
                .param("content", n.content()).param("signature", n.signature()).param("onServer", n.signedOnServer())
                .param("residenceDocument", n.residenceDocument())
                .param("actor", actor).param("actorRole", actorRole).param("note", note)
                .query(TransferRepository::map).single();
    }

    Optional<TransferApplication> find(TransferId id) {
        return ScopeCondition.current().sql(jdbc, "select " + COLUMNS + " from transfer_application a where a.id = :id and "
                + IN_SCOPE).param("id", id.value()).query(TransferRepository::map).optional();
    }

    /** For update, in scope: the row locked for the rest of the transaction. */
    Optional<TransferApplication> lock(TransferId id) {
        return ScopeCondition.current().sql(jdbc, "select " + COLUMNS + " from transfer_application a where a.id = :id and "
                + IN_SCOPE + " for update").param("id", id.value()).query(TransferRepository::map).optional();
    }

    /** The applicant's own (system run: filtered by the account here). */
    Optional<TransferApplication> findOwn(TransferId id, long userId) {
        return jdbc.sql("select " + COLUMNS + " from transfer_application a where a.id = :id and a.applicant_user_id = :user")
                .param("id", id.value()).param("user", userId).query(TransferRepository::map).optional();
    }

    List<TransferApplication> ofApplicant(long userId) {
        return jdbc.sql("select " + COLUMNS + " from transfer_application a where a.applicant_user_id = :user order by a.id desc limit 100")
                .param("user", userId).query(TransferRepository::map).list();
    }

    List<TransferApplication> desk(boolean openOnly, int limit, long offset) {
        return ScopeCondition.current().sql(jdbc, "select " + COLUMNS + " from transfer_application a where " + IN_SCOPE
                        + (openOnly ? " and a.state in ('SUBMITTED', 'ARRIVAL_COUPON_ISSUED', 'DEPARTURE_COUPON_ISSUED')" : "")
                        + """
                         order by (a.state in ('SUBMITTED', 'ARRIVAL_COUPON_ISSUED', 'DEPARTURE_COUPON_ISSUED')) desc,
                                  a.due_at, a.id limit :limit offset :offset""")
                .param("limit", limit).param("offset", offset).query(TransferRepository::map).list();
    }

    long countDesk(boolean openOnly) {
        return ScopeCondition.current().sql(jdbc, "select count(*) from transfer_application a where " + IN_SCOPE
                        + (openOnly ? " and a.state in ('SUBMITTED', 'ARRIVAL_COUPON_ISSUED', 'DEPARTURE_COUPON_ISSUED')" : ""))
                .query(Long.class).single();
    }

    /** Counts by route and state, and the open ones past their due moment, within the scope (no personal data). */
    Map<String, Long> counts(Instant now) {
        Map<String, Long> counts = new LinkedHashMap<>();
        ScopeCondition.current().sql(jdbc, "select a.route || '.' || a.state as k, count(*) as n from transfer_application a where "
                        + IN_SCOPE + " group by 1 order by 1")
                .query((rs, row) -> counts.put(rs.getString("k"), rs.getLong("n"))).list();
        counts.put("overdue", ScopeCondition.current().sql(jdbc, "select count(*) from transfer_application a where "
                        + IN_SCOPE + " and a.state in ('SUBMITTED', 'ARRIVAL_COUPON_ISSUED', 'DEPARTURE_COUPON_ISSUED')"
                        + " and a.due_at < :now")
                .param("now", OffsetDateTime.ofInstant(now, Almaty.ZONE)).query(Long.class).single());
        return counts;
    }

    /** Moves the state on, only from the state it was read in; false when another decision came first. */
    boolean advance(TransferId id, TransferState from, TransferState to, Map<String, Object> columns) {
        StringBuilder sql = new StringBuilder("update transfer_application set state = :to, version = version + 1");
        columns.keySet().forEach(c -> {
            if (!c.matches("[a-z_]+")) throw new IllegalArgumentException(c);
            sql.append(", ").append(c).append(" = :").append(c);
        });
        sql.append(" where id = :id and state = :from");
        var spec = jdbc.sql(sql.toString()).param("id", id.value()).param("from", from.name()).param("to", to.name());
        for (var e : columns.entrySet()) spec = spec.param(e.getKey(), e.getValue());
        return spec.update() == 1;
    }

    void stage(TransferId id, String stage, Instant at, String actor, String role, String kato, String note) {
        jdbc.sql("""
                        insert into transfer_stage (application_id, stage, at, actor, actor_role, kato, note)
                        values (:id, :stage, :at, :actor, :role, :kato, :note)
                        """).param("id", id.value()).param("stage", stage)
                .param("at", OffsetDateTime.ofInstant(at, Almaty.ZONE)).param("actor", actor).param("role", role)
                .param("kato", kato).param("note", note).update();
    }

    List<TransferStage> stages(TransferId id) {
        return jdbc.sql("select stage, at, actor, actor_role, note from transfer_stage where application_id = :id order by id")
                .param("id", id.value())
                .query((rs, row) -> new TransferStage(rs.getString("stage"), zoned(rs, "at"), rs.getString("actor"),
                        rs.getString("actor_role"), rs.getString("note"))).list();
    }

    /** TR-9: the stages within the scope for the monitoring system: no names, no IINs. */
    List<String[]> stageExport(LocalDate from, LocalDate to) {
        return ScopeCondition.current().sql(jdbc, """
                        select s.application_id, a.route, s.stage, s.at, s.actor_role, a.receiving_organisation_id,
                               a.kato, a.due_at
                          from transfer_stage s join transfer_application a on a.id = s.application_id
                         where s.at >= :from and s.at < :to and """ + IN_SCOPE + " order by s.at, s.id limit 100000")
                .param("from", from.atStartOfDay(Almaty.ZONE).toOffsetDateTime())
                .param("to", to.plusDays(1).atStartOfDay(Almaty.ZONE).toOffsetDateTime())
                .query((rs, row) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3),
                        zoned(rs, "at").toOffsetDateTime().toString(), rs.getString(5), rs.getString(6), rs.getString(7),
                        zoned(rs, "due_at").toOffsetDateTime().toString()}).list();
    }

    void document(TransferId id, DocumentKind kind, String kato, byte[] pdf, byte[] signature, Instant at) {
        jdbc.sql("""
                        insert into transfer_document (application_id, kind, kato, pdf, signature, created_at)
                        values (:id, :kind, :kato, :pdf, :signature, :at)
                        """).param("id", id.value()).param("kind", kind.name()).param("kato", kato).param("pdf", pdf)
                .param("signature", signature).param("at", OffsetDateTime.ofInstant(at, Almaty.ZONE)).update();
    }

    List<DocumentKind> documentKinds(TransferId id) {
        return jdbc.sql("select kind from transfer_document where application_id = :id order by id").param("id", id.value())
                .query((rs, row) -> DocumentKind.valueOf(rs.getString("kind"))).list();
    }

    Optional<IssuedDocument> document(TransferId id, DocumentKind kind) {
        return jdbc.sql("select pdf, signature, created_at from transfer_document where application_id = :id and kind = :kind")
                .param("id", id.value()).param("kind", kind.name())
                .query((rs, row) -> new IssuedDocument(id, kind, rs.getBytes("pdf"), rs.getBytes("signature"),
                        zoned(rs, "created_at").toInstant())).optional();
    }

    private static ZonedDateTime zoned(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(Almaty.ZONE);
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Long.class);
    }

    private static TransferApplication map(ResultSet rs, int row) throws SQLException {
        String exception = rs.getString("exception_ground");
        String ground = rs.getString("refusal_ground");
        return new TransferApplication(new TransferId(rs.getLong("id")), Route.valueOf(rs.getString("route")),
                TransferState.valueOf(rs.getString("state")), rs.getString("applicant_iin"),
                rs.getString("applicant_name"), rs.getString("applicant_phone"), rs.getLong("child_person_id"),
                rs.getString("child_iin"), rs.getString("child_name"), rs.getObject("child_birth_date", LocalDate.class),
                rs.getString("child_citizenship"), rs.getBoolean("foreign_child"), rs.getInt("grade"),
                rs.getString("settlement"), rs.getString("district"), rs.getString("city"), rs.getString("region"),
                rs.getString("registered_address"), rs.getBoolean("consent"),
                rs.getObject("application_date", LocalDate.class),
                exception == null ? null : ExceptionGround.valueOf(exception), rs.getString("supporting_document"),
                rs.getString("documents"), longOrNull(rs, "departing_organisation_id"),
                longOrNull(rs, "departing_enrolment_id"), rs.getLong("receiving_organisation_id"), rs.getString("kato"),
                zoned(rs, "received_at"), zoned(rs, "registered_at"), zoned(rs, "due_at"),
                rs.getBoolean("signed_on_server"), longOrNull(rs, "class_id"), longOrNull(rs, "enrolment_id"),
                ground == null ? null : RefusalGround.valueOf(ground), rs.getString("refusal_reason"),
                zoned(rs, "decided_at"), rs.getString("decided_by"),
                rs.getObject("arrival_coupon_issued_on", LocalDate.class), zoned(rs, "arrival_coupon_valid_to"),
                rs.getObject("departure_coupon_issued_on", LocalDate.class), rs.getLong("version"),
                rs.getString("residence_document"));
    }
}
