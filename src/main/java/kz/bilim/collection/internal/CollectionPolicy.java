package kz.bilim.collection.internal;

import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.collection.Level;
import kz.bilim.collection.Period;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The rules of the collection's path, each with its clause:
 * <ul>
 * <li>EIS-8: a level's deadline is the end of its due day in Almaty; one that falls on a day off moves to the end of
 * the next working day ({@link WorkingCalendar#deadline}); a submission that reaches the addressee after it is late.</li>
 * <li>EIS-7: the submission date is the moment it reached the addressee: the server's receipt of an electronic
 * submission, the day the addressee received the paper.</li>
 * <li>EIS-6: each level submits to the one directly above; only that level accepts, returns, unapproves, marks
 * distorted or grants a lock exception; entry of a level closes at the deadline of the level above (it must
 * consolidate by then), unless a lock exception runs.</li>
 * <li>EIS-2: participants are organisations, districts (cities), regions (cities of republican significance) and the
 * ministry; a territory officer acts for their territory's level, a school's head for the school.</li>
 * </ul>
 */
final class CollectionPolicy {

    static final String EIS_5 = "EIS-5";
    static final String EIS_6 = "EIS-6";
    static final String EIS_7 = "EIS-7";
    static final String EIS_8 = "EIS-8";
    static final String EIS_9 = "EIS-9";

    private CollectionPolicy() {
    }

    /** EIS-8: the moment a level's submission is due. */
    static Instant deadline(WorkingCalendar calendar, Period period, Level level) {
        return calendar.deadline(period.due().of(level)).toInstant();
    }

    /** EIS-6: entry of a level closes at the deadline of the level above (the ministry's: its own). */
    static Instant entryClosesAt(WorkingCalendar calendar, Period period, Level level) {
        return deadline(calendar, period, level == Level.MINISTRY ? Level.MINISTRY : level.above());
    }

    /** EIS-8: late when it reached the addressee after the deadline. */
    static boolean late(Instant arrivedAt, Instant deadline) {
        return arrivedAt.isAfter(deadline);
    }

    /** EIS-6: whether entry is open at the moment: before it closes, or under a lock exception running that day. */
    static boolean entryOpen(Instant now, Instant closesAt, LocalDate lockExceptionUntil, LocalDate today) {
        return !now.isAfter(closesAt) || (lockExceptionUntil != null && !today.isAfter(lockExceptionUntil));
    }

    /** The level and KATO code a caller acts for as a participant (a territory officer: their territory). */
    static Optional<Participant> ownParticipant(Caller caller) {
        Scope scope = caller.scope();
        return switch (caller.role()) {
            case MINISTRY_ADMIN -> Optional.of(new Participant(Level.MINISTRY, Level.NATIONAL));
            case REGION_OFFICER -> scope.kind() == Scope.Kind.KATO && scope.katoPrefix().length() == 2
                    ? Optional.of(new Participant(Level.REGION, scope.katoPrefix() + "0000000")) : Optional.empty();
            case DISTRICT_OFFICER -> scope.kind() == Scope.Kind.KATO && scope.katoPrefix().length() == 4
                    ? Optional.of(new Participant(Level.DISTRICT, scope.katoPrefix() + "00000")) : Optional.empty();
            default -> Optional.empty();
        };
    }

    record Participant(Level level, String kato) {
    }

    /** EIS-2: whether the caller fills and submits this participant's data. */
    static boolean isParticipant(Caller caller, Level level, Long organisationId, String kato) {
        if (level == Level.ORGANISATION) return organisationId != null && caller.administers(organisationId);
        return ownParticipant(caller).map(p -> p.level() == level && p.kato().equals(kato)).orElse(false);
    }

    /** EIS-6: whether the caller is the addressee of a submission of this level (the level directly above). */
    static boolean isAddressee(Caller caller, Level level, String addresseeKato) {
        if (level == Level.MINISTRY || addresseeKato == null) return false;
        return ownParticipant(caller).map(p -> p.level() == level.above() && p.kato().equals(addresseeKato))
                .orElse(false);
    }

    /** EIS-9: only the ministry sends additional requests and sets the forms of the year (EIS-4). */
    static boolean setsForms(Caller caller) {
        return caller.role() == Role.MINISTRY_ADMIN;
    }
}
