package kz.bilim.child.truancy;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.enrolment.Enrolments;
import kz.bilim.enrolment.Pupil;
import kz.bilim.enrolment.PupilFilter;
import kz.bilim.kernel.Dates;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.organisation.SchoolClassId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CA-4: a school records its pupils' absences per day, excused or not — a class's day marked on a page, or a file
 * of many days ({@code iin,date,absence}). Only the school's own pupils, enrolled on that day, on school days of the
 * calendar up to today. A file is taken whole or not at all: any bad row refuses it, naming every row at fault.
 */
@Service
@PreAuthorize(RecordingAttendance.RECORDERS)
class RecordingAttendance {

    static final String RECORDERS = "hasRole('ORGANISATION_ADMIN')";
    static final List<String> COLUMNS = List.of("iin", "date", "absence");
    static final int MAX_ERRORS = 500;

    /** A pupil of the class on the day with the mark recorded (present when nothing is). */
    public record PupilDay(long personId, String fullName, String iin, Mark mark) {
    }

    public record ClassDay(SchoolClass schoolClass, LocalDate day, boolean schoolDay, List<PupilDay> pupils) {
    }

    public record Imported(int rows, int absent, int present) {
    }

    private final Enrolments enrolments;
    private final Organisations organisations;
    private final AttendanceRepository repository;
    private final TruancyPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    RecordingAttendance(Enrolments enrolments, Organisations organisations, AttendanceRepository repository,
                        TruancyPolicy policy, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.enrolments = enrolments;
        this.organisations = organisations;
        this.repository = repository;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The classes of the caller's school this academic year. */
    public List<SchoolClass> classes() {
        var org = OrganisationId.of(ownOrganisation());
        var today = LocalDate.now(clock);
        int year = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        return organisations.classes(org, year);
    }

    /** A class's pupils on a day with their marks (the list read is audited by the enrolment module). */
    public ClassDay classDay(long classId, LocalDate day) {
        var schoolClass = ownClass(classId);
        var pupils = pupilsOf(schoolClass, day);
        var marks = transaction.execute(s -> repository.ofDay(day, pupils.stream()
                .map(p -> p.enrolment().personId().value()).toList()));
        var rows = pupils.stream().map(p -> {
            long id = p.enrolment().personId().value();
            Boolean excused = marks.get(id);
            return new PupilDay(id, p.fullName(), p.iin(),
                    excused == null ? Mark.PRESENT : excused ? Mark.EXCUSED : Mark.UNEXCUSED);
        }).toList();
        return new ClassDay(schoolClass, day, policy.isSchoolDay(day), rows);
    }

    /** Records a class's day: each pupil's mark (pupils not named stay as they were). Answers the absent count. */
    public Outcome<Integer> recordDay(long classId, LocalDate day, Map<Long, String> marks) {
        return Outcome.attempt(() -> {
            var schoolClass = ownClass(classId);
            checkDay("day", day, new ArrayList<>()).ifPresent(e -> {
                throw Refusal.invalid(List.of(e)).exception();
            });
            var pupils = new HashMap<Long, Pupil>();
            pupilsOf(schoolClass, day).forEach(p -> pupils.put(p.enrolment().personId().value(), p));
            var errors = new ArrayList<FieldError>();
            var parsed = new LinkedHashMap<Long, Mark>();
            marks.forEach((person, text) -> {
                Mark mark = Mark.parse(text);
                if (mark == null) errors.add(new FieldError("marks[" + person + "]", "attendance.mark.unknown"));
                else if (!pupils.containsKey(person))
                    errors.add(new FieldError("marks[" + person + "]", "attendance.pupil.not-in-class"));
                else parsed.put(person, mark);
            });
            if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
            var organisation = organisations.find(schoolClass.organisationId()).orElseThrow();
            int absent = transaction.execute(s -> write(organisation, day, parsed));
            audit.record(AuditEntry.of(AuditAction.UPDATE, "attendance", classId, organisation.kato().value(),
                    organisation.id().value()).because("attendance-day")
                    .with(Map.of("day", day.toString(), "pupils", parsed.size(), "absent", absent)));
            return absent;
        });
    }

    /**
     * A file of absences of the caller's school: header {@code iin,date,absence} (any order and case), UTF-8 (a
     * byte-order mark allowed), {@code absence} one of unexcused, excused, present. All rows or none.
     */
    public Outcome<Imported> importFile(InputStream in) {
        return Outcome.attempt(() -> {
            var organisation = organisations.find(OrganisationId.of(ownOrganisation()))
                    .orElseThrow(() -> Refusal.notFound("organisation", ownOrganisation()).exception());
            var records = read(in);
            var byIin = new HashMap<String, List<Pupil>>();
            forEachPupil(organisation.id(), p -> byIin.computeIfAbsent(p.iin(), k -> new ArrayList<>()).add(p));
            var errors = new ArrayList<FieldError>();
            var rows = new ArrayList<Row>();
            var seen = new HashSet<String>();
            for (var r : records) {
                if (errors.size() >= MAX_ERRORS) break;
                long number = r.getRecordNumber() + 1;
                String prefix = "rows[" + number + "].";
                String iin = r.get("iin").trim();
                LocalDate day = null;
                try {
                    day = Dates.parse(r.get("date").trim());
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    errors.add(new FieldError(prefix + "date", "attendance.date.format"));
                }
                Mark mark = Mark.parse(r.get("absence"));
                if (mark == null) errors.add(new FieldError(prefix + "absence", "attendance.mark.unknown"));
                if (!iin.matches("[0-9]{12}")) {
                    errors.add(new FieldError(prefix + "iin", "attendance.iin.format"));
                    continue;
                }
                if (day == null) continue;
                var dayError = checkDay(prefix + "date", day, errors);
                if (dayError.isPresent()) {
                    errors.add(dayError.get());
                    continue;
                }
                final LocalDate on = day;
                var pupil = byIin.getOrDefault(iin, List.of()).stream().filter(p -> enrolledOn(p, on)).findFirst();
                if (pupil.isEmpty()) {
                    errors.add(new FieldError(prefix + "iin", "attendance.pupil.not-in-school", on));
                    continue;
                }
                if (!seen.add(iin + "/" + day)) {
                    errors.add(new FieldError(prefix + "iin", "attendance.row.duplicate"));
                    continue;
                }
                if (mark != null) rows.add(new Row(pupil.get().enrolment().personId().value(), day, mark));
            }
            if (records.isEmpty()) errors.add(new FieldError("file", "attendance.import.empty"));
            if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
            var imported = transaction.execute(s -> {
                int absent = 0;
                for (var row : rows) {
                    if (row.mark() == Mark.PRESENT) repository.present(row.person(), row.day());
                    else {
                        repository.absent(row.person(), row.day(), organisation.id().value(),
                                organisation.kato().value(), row.mark() == Mark.EXCUSED, actor());
                        absent++;
                    }
                }
                return new Imported(rows.size(), absent, rows.size() - absent);
            });
            audit.record(AuditEntry.of(AuditAction.IMPORT, "attendance", organisation.id().value(),
                    organisation.kato().value(), organisation.id().value()).because("attendance-import")
                    .with(Map.of("rows", imported.rows(), "absent", imported.absent())));
            return imported;
        });
    }

    private record Row(long person, LocalDate day, Mark mark) {
    }

    private int write(Organisation organisation, LocalDate day, Map<Long, Mark> marks) {
        int absent = 0;
        for (var e : marks.entrySet()) {
            if (e.getValue() == Mark.PRESENT) repository.present(e.getKey(), day);
            else {
                repository.absent(e.getKey(), day, organisation.id().value(), organisation.kato().value(),
                        e.getValue() == Mark.EXCUSED, actor());
                absent++;
            }
        }
        return absent;
    }

    /** A day marks can be recorded for: a school day of the calendar, not after today. */
    private java.util.Optional<FieldError> checkDay(String field, LocalDate day, List<FieldError> unused) {
        if (day == null) return java.util.Optional.of(new FieldError(field, "error.field.required"));
        if (day.isAfter(LocalDate.now(clock))) return java.util.Optional.of(new FieldError(field, "attendance.day.future"));
        if (!policy.isSchoolDay(day)) return java.util.Optional.of(new FieldError(field, "attendance.day.not-school-day", day));
        return java.util.Optional.empty();
    }

    private static boolean enrolledOn(Pupil p, LocalDate day) {
        var e = p.enrolment();
        return !day.isBefore(e.enrolledFrom()) && (e.enrolledTo() == null || !day.isAfter(e.enrolledTo()));
    }

    private List<Pupil> pupilsOf(SchoolClass schoolClass, LocalDate day) {
        var all = enrolments.pupils(new PupilFilter(schoolClass.organisationId(), schoolClass.id(), null, null, false),
                0, Paged.MAX_SIZE).items();
        var seen = new HashSet<Long>();
        return all.stream().filter(p -> enrolledOn(p, day) && seen.add(p.enrolment().personId().value())).toList();
    }

    private void forEachPupil(OrganisationId organisation, java.util.function.Consumer<Pupil> each) {
        for (int page = 0; ; page++) {
            var found = enrolments.pupils(new PupilFilter(organisation, null, null, null, false), page, Paged.MAX_SIZE);
            found.items().forEach(each);
            if (!found.hasNext()) return;
        }
    }

    private SchoolClass ownClass(long classId) {
        var schoolClass = organisations.findClass(SchoolClassId.of(classId))
                .orElseThrow(() -> Refusal.notFound("class", classId).exception());
        if (!SignedIn.required().administers(schoolClass.organisationId().value()))
            throw Refusal.notFound("class", classId).exception();
        return schoolClass;
    }

    private static long ownOrganisation() {
        Long org = SignedIn.required().organisationId();
        if (org == null) throw Refusal.forbidden(null, "attendance.school-only").exception();
        return org;
    }

    private static String actor() {
        return SignedIn.required().username();
    }

    /** The file's records; a header other than the three columns, or bytes that are not UTF-8, refuse it. */
    private static List<CSVRecord> read(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') reader.reset();
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                    .setIgnoreHeaderCase(true).setTrim(true).get().parse(reader);
            Set<String> header = new HashSet<>();
            parser.getHeaderNames().forEach(h -> header.add(h.trim().toLowerCase(Locale.ROOT)));
            if (!header.equals(Set.copyOf(COLUMNS)))
                throw Refusal.invalid("file", "attendance.import.header", String.join(",", COLUMNS)).exception();
            var records = parser.getRecords();
            for (var r : records)
                if (!r.isConsistent())
                    throw Refusal.invalid("rows[" + (r.getRecordNumber() + 1) + "]", "attendance.row.columns").exception();
            return records;
        } catch (CharacterCodingException e) {
            throw Refusal.invalid("file", "attendance.import.not-utf8").exception();
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException)
                throw Refusal.invalid("file", "attendance.import.not-utf8").exception();
            throw Refusal.invalid("file", "attendance.import.unreadable").exception();
        } catch (IOException | IllegalArgumentException e) {
            throw Refusal.invalid("file", "attendance.import.unreadable").exception();
        }
    }
}
