package kz.bilim.staff.internal;

import kz.bilim.identity.Iin;
import kz.bilim.identity.InvalidIdentityNumber;
import kz.bilim.staff.BanKind;
import kz.bilim.staff.ImportReport.RowRejection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a verdict file (docs/staff.md), checked one by one: a valid IIN whose birth date agrees with
 * {@code birth_date}; names, court, case and article given; {@code in_force_on} a date not after today (the register
 * holds verdicts in force); {@code banned} one of {@code PEDAGOGICAL}, {@code WORK_WITH_MINORS},
 * {@code POSITION:<code of the classifier>}; {@code until} a date not before {@code in_force_on}, or {@code LIFE}.
 * One ban (IIN, case, what is banned) appears once per file.
 */
final class VerdictFile {

    static final List<String> COLUMNS = List.of("iin", "last_name", "first_name", "birth_date", "court", "case_number",
            "in_force_on", "article", "banned", "until");
    static final String LIFE = "LIFE";
    static final int TEXT_MAX = 200;

    /** A checked row, ready for the register. */
    record Ban(int row, String iin, String lastName, String firstName, LocalDate birthDate, String court,
               String caseNumber, LocalDate inForceOn, String article, BanKind kind, String bannedPosition,
               LocalDate until) {
    }

    record Checked(List<Ban> bans, List<RowRejection> rejections) {
    }

    private VerdictFile() {
    }

    static Checked check(List<CsvFile.Row> rows, Set<String> positions, LocalDate today) {
        var bans = new ArrayList<Ban>();
        var rejections = new ArrayList<RowRejection>();
        Map<String, Integer> seen = new HashMap<>();
        for (var row : rows) {
            var errors = new ArrayList<RowRejection>();
            Ban ban = ban(row, positions, today, errors);
            if (ban != null) {
                String key = ban.iin() + '|' + ban.caseNumber() + '|' + ban.kind() + '|' + ban.bannedPosition();
                Integer first = seen.putIfAbsent(key, row.number());
                if (first != null) errors.add(reject(row, "banned", "staff.ban.duplicate", first));
            }
            if (errors.isEmpty()) bans.add(ban);
            else rejections.addAll(errors);
        }
        return new Checked(bans, rejections);
    }

    private static Ban ban(CsvFile.Row row, Set<String> positions, LocalDate today, List<RowRejection> errors) {
        Iin iin = null;
        String iinText = row.get("iin");
        if (iinText.isBlank()) errors.add(reject(row, "iin", "error.field.required"));
        else {
            try {
                iin = Iin.parse(iinText);
            } catch (InvalidIdentityNumber e) {
                errors.add(reject(row, "iin", e.reason().messageKey()));
            }
        }
        String lastName = text(row, "last_name", errors);
        String firstName = text(row, "first_name", errors);
        LocalDate birthDate = date(row, "birth_date", true, errors);
        if (iin != null && birthDate != null && !birthDate.equals(iin.birthDate()))
            errors.add(reject(row, "birth_date", "staff.person.birth-date-mismatch"));
        String court = text(row, "court", errors);
        String caseNumber = text(row, "case_number", errors);
        LocalDate inForceOn = date(row, "in_force_on", true, errors);
        if (inForceOn != null && inForceOn.isAfter(today)) errors.add(reject(row, "in_force_on", "staff.ban.not-in-force"));
        String article = text(row, "article", errors);
        BanKind kind = null;
        String bannedPosition = null;
        String banned = row.get("banned").toUpperCase(Locale.ROOT);
        if (banned.isEmpty()) errors.add(reject(row, "banned", "error.field.required"));
        else if (banned.startsWith("POSITION:")) {
            bannedPosition = banned.substring("POSITION:".length()).trim();
            if (positions.contains(bannedPosition)) kind = BanKind.POSITION;
            else errors.add(reject(row, "banned", "staff.position.unknown", bannedPosition));
        } else if (banned.equals("PEDAGOGICAL") || banned.equals("WORK_WITH_MINORS")) {
            kind = BanKind.valueOf(banned);
        } else {
            errors.add(reject(row, "banned", "staff.ban.kind-unknown", row.get("banned")));
        }
        LocalDate until = null;
        String untilText = row.get("until");
        if (untilText.isEmpty()) errors.add(reject(row, "until", "error.field.required"));
        else if (!untilText.equalsIgnoreCase(LIFE)) {
            until = date(row, "until", true, errors);
            if (until != null && inForceOn != null && until.isBefore(inForceOn))
                errors.add(reject(row, "until", "staff.ban.ends-before-start"));
        }
        if (!errors.isEmpty()) return null;
        return new Ban(row.number(), iin.value(), lastName, firstName, birthDate, court, caseNumber, inForceOn, article,
                kind, bannedPosition, until);
    }

    private static String text(CsvFile.Row row, String column, List<RowRejection> errors) {
        String value = row.get(column);
        if (value.isEmpty()) errors.add(reject(row, column, "error.field.required"));
        else if (value.length() > TEXT_MAX) errors.add(reject(row, column, "staff.field.too-long", TEXT_MAX));
        return value;
    }

    private static LocalDate date(CsvFile.Row row, String column, boolean required, List<RowRejection> errors) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) errors.add(reject(row, column, "error.field.required"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(reject(row, column, "staff.field.date-format"));
            return null;
        }
    }

    private static RowRejection reject(CsvFile.Row row, String field, String reasonKey, Object... args) {
        return new RowRejection(row.number(), field, reasonKey, List.of(args));
    }
}
