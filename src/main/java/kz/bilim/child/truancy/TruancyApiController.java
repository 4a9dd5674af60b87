package kz.bilim.child.truancy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import kz.bilim.child.TruantListDeadlines;
import kz.bilim.kernel.Dates;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * CA-4 over HTTP: a school's absences (a class's day, or a file), and the districts' monthly truant lists — the
 * police liaison's decision per child, the placement, the districts late with it.
 */
@RestController
@Tag(name = "truancy", description = "Attendance and the monthly truant list agreed with the police (CA-3 (9), CA-4)")
class TruancyApiController {

    record DayMarks(Map<Long, String> marks) {
    }

    record Decision(String decision, String comment) {
    }

    record Absent(int absent) {
    }

    record Run(boolean ran, String month, int lists, int entries) {
    }

    private final RecordingAttendance attendance;
    private final AgreeingTruantList agreeing;
    private final TruantSchedule schedule;

    TruancyApiController(RecordingAttendance attendance, AgreeingTruantList agreeing, TruantSchedule schedule) {
        this.attendance = attendance;
        this.agreeing = agreeing;
        this.schedule = schedule;
    }

    @PostMapping(path = "/api/v1/attendance/imports", consumes = {"text/csv", "application/octet-stream"})
    @PreAuthorize(RecordingAttendance.RECORDERS)
    @Operation(summary = "Import a school's absences (CSV iin,date,absence: unexcused|excused|present); all rows or "
            + "none, 422 naming every row at fault")
    RecordingAttendance.Imported importFile(HttpServletRequest request) throws IOException {
        try (var in = request.getInputStream()) {
            return attendance.importFile(in).orElseThrow();
        }
    }

    @GetMapping("/api/v1/attendance/classes/{classId}/days/{day}")
    @PreAuthorize(RecordingAttendance.RECORDERS)
    @Operation(summary = "A class's pupils on a school day with their marks")
    RecordingAttendance.ClassDay classDay(@PathVariable long classId, @PathVariable String day) {
        return attendance.classDay(classId, date(day));
    }

    @PutMapping("/api/v1/attendance/classes/{classId}/days/{day}")
    @PreAuthorize(RecordingAttendance.RECORDERS)
    @Operation(summary = "Record a class's day: {marks: {personId: PRESENT|UNEXCUSED|EXCUSED}}")
    Absent recordDay(@PathVariable long classId, @PathVariable String day, @RequestBody DayMarks body) {
        return new Absent(attendance.recordDay(classId, date(day), body.marks() == null ? Map.of() : body.marks())
                .orElseThrow());
    }

    @GetMapping("/api/v1/truancy/lists")
    @PreAuthorize(AgreeingTruantList.READERS)
    @Operation(summary = "The districts' truant lists in the caller's scope (month=YYYY-MM, or all), newest first")
    List<TruantList> lists(@RequestParam(required = false) String month, @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        return agreeing.lists(month(month), Paged.page(page), Paged.size(size));
    }

    @GetMapping("/api/v1/truancy/lists/{id}")
    @PreAuthorize(AgreeingTruantList.READERS)
    @Operation(summary = "One district's list with its children and the police liaison's decisions (audited)")
    AgreeingTruantList.Shown list(@PathVariable long id) {
        return agreeing.show(id);
    }

    @PostMapping("/api/v1/truancy/lists/{id}/children/{childId}/decision")
    @PreAuthorize(AgreeingTruantList.POLICE)
    @Operation(summary = "CA-4: the police liaison of the district agrees (AGREED) or comments (COMMENTED, comment "
            + "required) on a child; 403 for another district")
    TruantEntry decide(@PathVariable long id, @PathVariable long childId, @RequestBody Decision body) {
        return agreeing.decide(id, childId, body.decision(), body.comment()).orElseThrow();
    }

    @PostMapping("/api/v1/truancy/lists/{id}/placement")
    @PreAuthorize(AgreeingTruantList.PLACERS)
    @Operation(summary = "CA-4: place the agreed list (every child decided); due by the 10th")
    TruantList place(@PathVariable long id) {
        return agreeing.place(id).orElseThrow();
    }

    @GetMapping("/api/v1/truancy/late")
    @PreAuthorize(AgreeingTruantList.READERS)
    @Operation(summary = "CA-4: districts in the caller's scope late with their latest list")
    List<TruantListDeadlines.LateList> late() {
        return agreeing.late();
    }

    @PostMapping("/api/v1/truancy/runs")
    @PreAuthorize("hasRole('MINISTRY_ADMIN')")
    @Operation(summary = "Run the monthly forming now (it runs by itself on the 1st; a formed month is kept as it is)")
    Run run() {
        var formed = schedule.run();
        return formed.map(f -> new Run(true, f.month().toString(), f.lists(), f.entries()))
                .orElseGet(() -> new Run(false, null, 0, 0));
    }

    static LocalDate date(String text) {
        try {
            return Dates.parse(text);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw Refusal.invalid("day", "attendance.date.format").exception();
        }
    }

    static YearMonth month(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("month", "truancy.month.format").exception();
        }
    }
}
