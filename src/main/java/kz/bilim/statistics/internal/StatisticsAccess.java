package kz.bilim.statistics.internal;

import kz.bilim.kernel.Caller;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * The Statistics Committee's access regime (SC-1…SC-3): only a person of the register, granted access by the ministry
 * and having accepted the purpose of use, reads statistics as an analyst; grants are due by 5 October of the
 * reporting year; changes of responsible persons are reported within 3 calendar days; notices of planned changes
 * and suspensions are announced no less than 5 calendar days ahead (a shorter one is refused with the earliest day
 * allowed).
 */
@Service
class StatisticsAccess {

    /** Who reads the indicators: the ministry, the territory offices (their scope) and the Committee's analysts. */
    static final String READERS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'STATISTICS_ANALYST')";
    static final MonthDay GRANT_DUE = MonthDay.of(10, 5);
    static final int NOTICE_DAYS = 5;
    static final int CHANGE_REPORT_DAYS = 3;

    record Person(long id, String username, String fullName, String position, int reportingYear,
                  LocalDate registeredOn, LocalDate accessDueOn, LocalDate accessGrantedOn, boolean purposeAccepted,
                  LocalDate removedOn, boolean grantOverdue) {
    }

    record ChangeReport(long id, long personId, String change, LocalDate changedOn, LocalDate dueOn,
                        LocalDate reportedOn, boolean overdue) {
    }

    public record Notice(long id, String kind, LocalDate startsOn, LocalDate endsOn, String textKk, String textRu,
                  LocalDate announcedOn) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    StatisticsAccess(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** SC-3(3): an analyst outside the register (or not yet granted, or not having accepted the purpose) reads nothing. */
    void requireRegistered() {
        Caller caller = SignedIn.required();
        if (caller.role() != Role.STATISTICS_ANALYST) return;
        var person = byUsername(caller.username());
        if (person == null || person.removedOn() != null || person.accessGrantedOn() == null)
            throw Refusal.forbidden("SC-3", "statistics.access.not-registered").exception();
        if (!person.purposeAccepted())
            throw Refusal.forbidden("SC-3", "statistics.access.purpose-not-accepted").exception();
    }

    Person byUsername(String username) {
        return jdbc.sql(SELECT + " where username = :u").param("u", username).query(this::person).optional()
                .orElse(null);
    }

    private static final String SELECT = """
            select id, username, full_name, position, reporting_year, registered_on, access_due_on, access_granted_on,
                   purpose_accepted_at is not null as accepted, removed_on from stat_responsible_person""";

    private Person person(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        LocalDate due = rs.getDate("access_due_on").toLocalDate();
        LocalDate granted = rs.getDate("access_granted_on") == null ? null : rs.getDate("access_granted_on").toLocalDate();
        LocalDate removed = rs.getDate("removed_on") == null ? null : rs.getDate("removed_on").toLocalDate();
        boolean overdue = removed == null && (granted == null ? today().isAfter(due) : granted.isAfter(due));
        return new Person(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"), rs.getString("position"),
                rs.getInt("reporting_year"), rs.getDate("registered_on").toLocalDate(), due, granted,
                rs.getBoolean("accepted"), removed, overdue);
    }

    List<Person> register() {
        return jdbc.sql(SELECT + " order by removed_on nulls first, full_name").query(this::person).list();
    }

    /** SC-3(4): a person added to the register on {@code changedOn}; the Committee's report is due 3 days later. */
    @Transactional
    Outcome<Person> add(String username, String fullName, String position, Integer reportingYear, LocalDate changedOn) {
        var errors = new java.util.ArrayList<FieldError>();
        if (username == null || username.isBlank()) errors.add(new FieldError("username", "statistics.field.required"));
        if (fullName == null || fullName.isBlank()) errors.add(new FieldError("fullName", "statistics.field.required"));
        if (reportingYear == null || reportingYear < 2000 || reportingYear > 2100)
            errors.add(new FieldError("reportingYear", "statistics.field.year"));
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        if (byUsername(username.trim()) != null)
            return Refusal.invalid("username", "statistics.access.already-registered", username.trim()).outcome();
        LocalDate on = changedOn == null ? today() : changedOn;
        long id = jdbc.sql("""
                        insert into stat_responsible_person (username, full_name, position, reporting_year, registered_on,
                                                             access_due_on)
                        values (:u, :n, :p, :y, :on, :due) returning id""")
                .param("u", username.trim()).param("n", fullName.trim()).param("p", position)
                .param("y", reportingYear).param("on", on).param("due", GRANT_DUE.atYear(reportingYear))
                .query(Long.class).single();
        changeReport(id, "ADDED", on);
        return Outcome.done(byUsername(username.trim()));
    }

    /** SC-2(1): the ministry grants access (due by 5 October of the reporting year; a late grant shows as overdue). */
    @Transactional
    Outcome<Person> grant(long id) {
        int n = jdbc.sql("""
                        update stat_responsible_person set access_granted_on = :d, granted_by = :by
                         where id = :id and removed_on is null""")
                .param("d", today()).param("by", SignedIn.required().username()).param("id", id).update();
        if (n == 0) return Refusal.notFound("responsible-person", id).outcome();
        return Outcome.done(find(id));
    }

    @Transactional
    Outcome<Person> remove(long id, LocalDate changedOn) {
        LocalDate on = changedOn == null ? today() : changedOn;
        int n = jdbc.sql("update stat_responsible_person set removed_on = :d where id = :id and removed_on is null")
                .param("d", on).param("id", id).update();
        if (n == 0) return Refusal.notFound("responsible-person", id).outcome();
        changeReport(id, "REMOVED", on);
        return Outcome.done(find(id));
    }

    /** SC-3(1): the signed-in analyst accepts the purpose of use (statistics only, no passing to third parties). */
    @Transactional
    Outcome<Person> acceptPurpose() {
        var caller = SignedIn.required();
        int n = jdbc.sql("""
                        update stat_responsible_person set purpose_accepted_at = now()
                         where username = :u and removed_on is null and access_granted_on is not null""")
                .param("u", caller.username()).update();
        if (n == 0) return Refusal.forbidden("SC-3", "statistics.access.not-registered").outcome();
        return Outcome.done(byUsername(caller.username()));
    }

    Person find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::person).optional().orElse(null);
    }

    private void changeReport(long person, String change, LocalDate on) {
        jdbc.sql("""
                        insert into stat_change_report (person_id, change, changed_on, due_on)
                        values (:p, :c, :on, :due)""")
                .param("p", person).param("c", change).param("on", on).param("due", on.plusDays(CHANGE_REPORT_DAYS))
                .update();
    }

    List<ChangeReport> changeReports() {
        return jdbc.sql("""
                        select id, person_id, change, changed_on, due_on, reported_on from stat_change_report
                         order by reported_on nulls first, due_on""")
                .query((rs, n) -> {
                    LocalDate due = rs.getDate("due_on").toLocalDate();
                    LocalDate reported = rs.getDate("reported_on") == null ? null : rs.getDate("reported_on").toLocalDate();
                    return new ChangeReport(rs.getLong("id"), rs.getLong("person_id"), rs.getString("change"),
                            rs.getDate("changed_on").toLocalDate(), due, reported,
                            reported == null ? today().isAfter(due) : reported.isAfter(due));
                }).list();
    }

    @Transactional
    Outcome<ChangeReport> reported(long id, LocalDate reportedOn) {
        int n = jdbc.sql("update stat_change_report set reported_on = :d where id = :id and reported_on is null")
                .param("d", reportedOn == null ? today() : reportedOn).param("id", id).update();
        if (n == 0) return Refusal.notFound("change-report", id).outcome();
        return Outcome.done(changeReports().stream().filter(r -> r.id() == id).findFirst().orElseThrow());
    }

    /**
     * SC-2(2): a notice of a planned change or a suspension, announced today, starting no earlier than 5 calendar days
     * from today; a shorter notice is refused naming the earliest day allowed.
     */
    @Transactional
    Outcome<Notice> announce(String kind, LocalDate startsOn, LocalDate endsOn, String textKk, String textRu) {
        var errors = new java.util.ArrayList<FieldError>();
        if (!"PLANNED_CHANGE".equals(kind) && !"SUSPENSION".equals(kind))
            errors.add(new FieldError("kind", "statistics.notice.kind"));
        if (startsOn == null) errors.add(new FieldError("startsOn", "statistics.field.required"));
        if (textKk == null || textKk.isBlank()) errors.add(new FieldError("textKk", "statistics.field.required"));
        if (textRu == null || textRu.isBlank()) errors.add(new FieldError("textRu", "statistics.field.required"));
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn))
            errors.add(new FieldError("endsOn", "statistics.notice.ends-before"));
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        LocalDate earliest = today().plusDays(NOTICE_DAYS);
        if (startsOn.isBefore(earliest))
            return Refusal.byRule("SC-2", new FieldError("startsOn", "statistics.notice.too-short", NOTICE_DAYS,
                    earliest.toString())).outcome();
        long id = jdbc.sql("""
                        insert into stat_notice (kind, starts_on, ends_on, text_kk, text_ru, announced_on, announced_by)
                        values (:k, :s, :e, :kk, :ru, :a, :by) returning id""")
                .param("k", kind).param("s", startsOn).param("e", endsOn).param("kk", textKk.trim())
                .param("ru", textRu.trim()).param("a", today()).param("by", SignedIn.required().username())
                .query(Long.class).single();
        return Outcome.done(notices(false).stream().filter(n -> n.id() == id).findFirst().orElseThrow());
    }

    /** The notices still to come or under way (all: every one). */
    List<Notice> notices(boolean currentOnly) {
        return jdbc.sql("""
                        select id, kind, starts_on, ends_on, text_kk, text_ru, announced_on from stat_notice
                         where not :current or coalesce(ends_on, starts_on) >= :today order by starts_on""")
                .param("current", currentOnly).param("today", today())
                .query((rs, n) -> new Notice(rs.getLong("id"), rs.getString("kind"),
                        rs.getDate("starts_on").toLocalDate(),
                        rs.getDate("ends_on") == null ? null : rs.getDate("ends_on").toLocalDate(),
                        rs.getString("text_kk"), rs.getString("text_ru"), rs.getDate("announced_on").toLocalDate()))
                .list();
    }
}
