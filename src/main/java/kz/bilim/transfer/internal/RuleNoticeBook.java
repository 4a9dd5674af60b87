package kz.bilim.transfer.internal;

import kz.bilim.calendar.CalendarChanged;
import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.kernel.Text;
import kz.bilim.transfer.RuleNotices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * TR-3: each change of the service's rules registered on a day obliges three notices — the e-government operator,
 * the providers, the Unified Contact Centre — due at the close of the 3rd working day after it
 * ({@link WorkingCalendar#due}). A change of the school holidays (the transfer window of TR-1) is such a change and
 * is recorded when the ministry's calendar edit commits.
 */
@Service
class RuleNoticeBook implements RuleNotices {

    static final List<String> ADDRESSEES = List.of("EGOV_OPERATOR", "PROVIDERS", "CONTACT_CENTRE");
    static final int WORKING_DAYS = 3;

    private static final String NOTICES = """
            select n.id, n.rule_change_id, c.what, n.addressee, n.due_at, n.sent_at
              from transfer_rule_notice n join transfer_rule_change c on c.id = n.rule_change_id
            """;

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RuleNoticeBook(JdbcClient jdbc, WorkingCalendar calendar, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    public Outcome<RuleChange> record(LocalDate registeredOn, String what) {
        String text = Text.blankToNull(what);
        if (text == null) return Refusal.invalid("what", "error.field.required").outcome();
        if (text.length() > FormChecks.LONG_TEXT_MAX)
            return Refusal.invalid("what", "transfer.field.too-long", FormChecks.LONG_TEXT_MAX).outcome();
        if (!WorkingCalendar.covers(registeredOn)) return Refusal.invalid("registeredOn", "transfer.date.outside-calendar").outcome();
        return Outcome.done(write(registeredOn, text.strip()));
    }

    /** TR-3: the school holidays are the transfer window; their change is a change of the service's conditions. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CalendarChanged change) {
        if (!change.what().contains("school_holiday")) return;
        LocalDate today = LocalDate.now(clock);
        if (!WorkingCalendar.covers(today)) return;
        CurrentScope.asSystem(() -> write(today, "calendar: " + change.what() + " " + change.id()));
    }

    private RuleChange write(LocalDate registeredOn, String what) {
        ZonedDateTime due = calendar.due(registeredOn, WORKING_DAYS);
        return transaction.execute(status -> {
            long id = jdbc.sql("""
                            insert into transfer_rule_change (registered_on, what, recorded_by, recorded_at)
                            values (:on, :what, :by, :at) returning id
                            """).param("on", registeredOn).param("what", what).param("by", SignedIn.actor())
                    .param("at", OffsetDateTime.now(clock)).query(Long.class).single();
            for (String addressee : ADDRESSEES)
                jdbc.sql("insert into transfer_rule_notice (rule_change_id, addressee, due_at) values (:id, :to, :due)")
                        .param("id", id).param("to", addressee).param("due", due.toOffsetDateTime()).update();
            return new RuleChange(id, registeredOn, what,
                    jdbc.sql(NOTICES + " where n.rule_change_id = :id order by n.id").param("id", id).query(this::map).list());
        });
    }

    @Override
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    public Outcome<RuleNotice> markSent(long noticeId) {
        return Outcome.attempt(() -> transaction.execute(status -> {
            int updated = jdbc.sql("update transfer_rule_notice set sent_at = :at, sent_by = :by where id = :id and sent_at is null")
                    .param("at", OffsetDateTime.now(clock)).param("by", SignedIn.actor()).param("id", noticeId).update();
            var notice = jdbc.sql(NOTICES + " where n.id = :id").param("id", noticeId).query(this::map).optional()
                    .orElseThrow(() -> Refusal.notFound("rule-notice", noticeId).exception());
            if (updated == 0) throw Refusal.conflict("transfer.notice.already-sent").exception();
            return notice;
        }));
    }

    @Override
    @PreAuthorize("hasAnyRole('MINISTRY_ADMIN', 'CONTACT_CENTRE', 'REGION_OFFICER', 'DISTRICT_OFFICER')")
    public List<RuleNotice> notices() {
        return jdbc.sql(NOTICES + " order by (n.sent_at is null) desc, n.due_at, n.id limit 500").query(this::map).list();
    }

    private RuleNotice map(ResultSet rs, int row) throws SQLException {
        ZonedDateTime due = rs.getObject("due_at", OffsetDateTime.class).atZoneSameInstant(Almaty.ZONE);
        OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
        ZonedDateTime sentAt = sent == null ? null : sent.atZoneSameInstant(Almaty.ZONE);
        boolean late = sentAt == null ? clock.instant().isAfter(due.toInstant()) : sentAt.isAfter(due);
        return new RuleNotice(rs.getLong("id"), rs.getLong("rule_change_id"), rs.getString("what"),
                rs.getString("addressee"), due, sentAt, late);
    }
}
