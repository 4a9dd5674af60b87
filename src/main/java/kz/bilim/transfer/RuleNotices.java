package kz.bilim.transfer;

import kz.bilim.kernel.Outcome;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * TR-3: a change of the service's rules (or of the school holidays, the transfer window) obliges the ministry to
 * inform the e-government operator, the providers and the contact centre within 3 working days of its registration.
 * Each change records the three notices with their due moments; the late ones are shown.
 */
public interface RuleNotices {

    Outcome<RuleChange> record(LocalDate registeredOn, String what);

    Outcome<RuleNotice> markSent(long noticeId);

    List<RuleNotice> notices();

    record RuleChange(long id, LocalDate registeredOn, String what, List<RuleNotice> notices) {
    }

    record RuleNotice(long id, long ruleChangeId, String what, String addressee, ZonedDateTime dueAt,
                      ZonedDateTime sentAt, boolean late) {
    }
}
