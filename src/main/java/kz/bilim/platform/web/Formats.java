package kz.bilim.platform.web;

import kz.bilim.kernel.Almaty;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates, times and numbers as the reader's language writes them, for every page ({@code #fmt} in templates):
 * Kazakh and Russian {@code 01.09.2026} and {@code 1 234}, English {@code Sep 1, 2026} and {@code 1,234}. Dates use
 * the language's short numeric form with a four-digit year; where that form puts the month first (English), the
 * medium form with the month's name, which no reader can take for another day. Times are in Asia/Almaty.
 */
public final class Formats {

    private final Locale locale;
    /** Made once per page (one page is one thread): a page of counts formats a hundred numbers, each new format parses its pattern. */
    private NumberFormat integers;

    public Formats(Locale locale) {
        this.locale = locale;
    }

    public String date(LocalDate date) {
        return date == null ? "" : dateFormatter(locale).format(date);
    }

    /** A moment as date and time of day (hours and minutes) in Almaty. */
    public String dateTime(Object moment) {
        return moment == null ? "" : dateFormatter(locale).format(local(moment)) + " "
                + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(local(moment));
    }

    /** A moment to the second, for the audit trail. */
    public String dateTimeSeconds(Object moment) {
        return moment == null ? "" : dateFormatter(locale).format(local(moment)) + " "
                + DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(locale).format(local(moment));
    }

    public String number(Number number) {
        if (number == null) return "";
        if (integers == null) integers = NumberFormat.getIntegerInstance(locale);
        return integers.format(number);
    }

    /**
     * An order's number as the label before it ("Order №") expects it: without a "№" or "No." typed into the
     * number itself, so the page never says "№ № 145-Б"; "—" when there is none.
     */
    public String orderNumber(String number) {
        if (number == null || number.isBlank()) return "—";
        return number.strip().replaceFirst("^(№|N[oо]\\.?)\\s*", "");
    }

    public static DateTimeFormatter dateFormatter(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        if (pattern.startsWith("M")) return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return DateTimeFormatter.ofPattern(pattern.replaceAll("y+", "yyyy"), locale);
    }

    private static TemporalAccessor local(Object moment) {
        if (moment instanceof Instant instant) return LocalDateTime.ofInstant(instant, Almaty.ZONE);
        if (moment instanceof LocalDateTime local) return local;
        if (moment instanceof java.time.OffsetDateTime offset) return offset.atZoneSameInstant(Almaty.ZONE).toLocalDateTime();
        if (moment instanceof java.time.ZonedDateTime zoned) return zoned.withZoneSameInstant(Almaty.ZONE).toLocalDateTime();
        throw new IllegalArgumentException("Not a moment: " + moment.getClass().getName());
    }
}
