package kz.bilim.calendar.internal;

import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.RefusedException;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.calendar.CalendarDay;
import kz.bilim.calendar.DateOutsideCalendar;
import kz.bilim.calendar.Term;
import kz.bilim.calendar.WorkingCalendar;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The calendar as a public API: what a day is, N working days from a date, a deadline, the provider's next opening,
 * the registration and due moments of a term.
 * Bad input or a date outside 2018-2030 is 422 problem+json naming the field.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar", description = "Kazakhstan working-day calendar 2018-2030 (TR-5, TR-13, TR-14, EIS-8)")
class CalendarApiController {

    static final int MAX_WORKING_DAYS = 1000;

    record DayView(LocalDate date, boolean working, @JsonInclude(JsonInclude.Include.ALWAYS) String holiday, String kind,
                   String decree) {
    }

    record DateView(LocalDate date) {
    }

    record DeadlineView(LocalDate due, String deadline) {
    }

    record OpeningView(String at, boolean open, String nextOpening, LocalDate processingDay) {
    }

    /** TR-13, TR-14: the three moments of a term, ISO date-times with Almaty's offset. */
    record DueView(String received, String registered, String due) {
        static DueView of(Term term) {
            return new DueView(iso(term.received()), iso(term.registered()), iso(term.due()));
        }

        private static String iso(ZonedDateTime moment) {
            return moment.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }

    private final WorkingCalendar calendar;

    CalendarApiController(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/days/{date}")
    @Operation(summary = "Is the date a working day; the holiday's name in the language of Accept-Language")
    DayView day(@Parameter(description = "ISO date, e.g. 2024-05-04") @PathVariable("date") String text) {
        LocalDate date = date("date", text);
        CalendarDay day = within("date", () -> calendar.day(date));
        return new DayView(date, day.working(), day.holidayName(LocaleContextHolder.getLocale()),
                day.kind().name().toLowerCase(), day.decree());
    }

    @GetMapping("/working-days")
    @Operation(summary = "TR-5, TR-13: the date that is `add` working days after `from` (negative counts back)")
    DateView workingDays(@Parameter(description = "ISO date") @RequestParam(name = "from", required = false) String fromText,
                         @Parameter(description = "number of working days") @RequestParam(name = "add", required = false) String addText) {
        LocalDate from = date("from", fromText);
        int add = integer("add", addText);
        within("from", () -> calendar.day(from));
        if (Math.abs(add) > MAX_WORKING_DAYS)
            throw Refusal.invalid("add", "calendar.error.too-many-days", String.valueOf(MAX_WORKING_DAYS)).exception();
        return new DateView(within("add", () -> calendar.addWorkingDays(from, add)));
    }

    @GetMapping("/deadline")
    @Operation(summary = "EIS-8: the end of the due day, or of the next working day if it is a day off (Almaty time)")
    DeadlineView deadline(@Parameter(description = "ISO date") @RequestParam(name = "due", required = false) String dueText) {
        LocalDate due = date("due", dueText);
        ZonedDateTime end = within("due", () -> calendar.deadline(due));
        return new DeadlineView(due, end.toOffsetDateTime().toString());
    }

    @GetMapping("/provider-hours/next-opening")
    @Operation(summary = "TR-14: whether the provider is open at `at`, when it next opens, and the day an application "
            + "received then is processed")
    OpeningView nextOpening(@Parameter(description = "ISO date-time with offset (2024-05-03T19:00+05:00, '+' as %2B) "
            + "or without (read as Almaty time)") @RequestParam(name = "at", required = false) String at) {
        ZonedDateTime moment = parseMoment(at);
        return within("at", () -> new OpeningView(moment.toOffsetDateTime().toString(), calendar.isProviderOpen(moment),
                calendar.nextProviderOpening(moment).toOffsetDateTime().toString(),
                calendar.processingDay(moment.toInstant())));
    }

    @GetMapping("/due")
    @Operation(summary = "TR-13, TR-14: when something received at `received` is registered (the provider's next "
            + "opening) and when a term of `workingDays` working days is due (18:30 of its last working day, counted "
            + "from the day after registration); the rule is in docs/terms.md")
    DueView due(@Parameter(description = "ISO date-time with offset, e.g. 2026-05-29T19:05+05:00 ('+' as %2B)")
                @RequestParam(name = "received", required = false) String receivedText,
                @Parameter(description = "the term in working days, 1 to " + MAX_WORKING_DAYS)
                @RequestParam(name = "workingDays", required = false) String workingDaysText) {
        List<FieldError> errors = new ArrayList<>();
        Instant received = null;
        Integer workingDays = null;
        try {
            received = instant("received", receivedText);
            if (!WorkingCalendar.covers(received.atZone(WorkingCalendar.ZONE).toLocalDate()))
                errors.add(outsideYears("received"));
        } catch (RefusedException e) {
            errors.addAll(e.refusal().errors());
        }
        try {
            workingDays = integer("workingDays", workingDaysText);
            if (workingDays < 1 || workingDays > MAX_WORKING_DAYS)
                errors.add(new FieldError("workingDays", "calendar.error.working-days-range", "1",
                        String.valueOf(MAX_WORKING_DAYS)));
        } catch (RefusedException e) {
            errors.addAll(e.refusal().errors());
        }
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
        Instant at = received;
        int days = workingDays;
        return DueView.of(within("workingDays", () -> calendar.term(at, days)));
    }

    /*
     * Parameters are parsed here rather than by Spring's conversion, so that a malformed one is answered as 422 naming
     * the field (Spring's own handler would answer 400 without the field).
     */
    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) throw Refusal.invalid(field, "error.field.required").exception();
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "calendar.error.not-a-date", text).exception();
        }
    }

    private static int integer(String field, String text) {
        if (text == null || text.isBlank()) throw Refusal.invalid(field, "error.field.required").exception();
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid(field, "calendar.error.not-a-number", text).exception();
        }
    }

    private static ZonedDateTime parseMoment(String text) {
        if (text == null || text.isBlank()) throw Refusal.invalid("at", "error.field.required").exception();
        String value = text.strip().replace(' ', '+'); // an unencoded '+' arrives as a space
        try {
            return OffsetDateTime.parse(value).atZoneSameInstant(WorkingCalendar.ZONE);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(WorkingCalendar.ZONE);
            } catch (DateTimeParseException e) {
                throw Refusal.invalid("at", "calendar.error.not-a-moment", text).exception();
            }
        }
    }

    /** A moment that must carry its offset (or Z): what arrived when is an instant, not a wall-clock reading. */
    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) throw Refusal.invalid(field, "error.field.required").exception();
        String value = text.strip().replace(' ', '+'); // an unencoded '+' arrives as a space
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "calendar.error.not-a-moment-with-offset", text).exception();
        }
    }

    private static FieldError outsideYears(String field) {
        return new FieldError(field, "calendar.error.outside-years",
                String.valueOf(WorkingCalendar.FIRST_YEAR), String.valueOf(WorkingCalendar.LAST_YEAR));
    }

    private static <T> T within(String field, Supplier<T> question) {
        try {
            return question.get();
        } catch (DateOutsideCalendar e) {
            throw Refusal.invalid(List.of(outsideYears(field))).exception();
        }
    }
}
