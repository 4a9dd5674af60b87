package kz.bilim.opendata.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.kernel.Refusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The open data over JSON (OD-1…OD-3). Reading is public (anonymous): the catalogue of 61 datasets with each one's
 * period, due day and standing, its releases, and each release's file as {@code text/csv} — what the open-data
 * portal takes (OD-2). Publishing is the ministry's: an upload, a generation from the registries, an event.
 */
@RestController
@RequestMapping("/api/v1/open-data")
@Tag(name = "open-data", description = "The ministry's 61 open datasets, their schedule and releases (OD-1…OD-3)")
class OpenDataApiController {

    static final String PUBLISHERS = "hasRole('MINISTRY_ADMIN')";

    record ObligationView(String period, LocalDate opens, LocalDate due, ZonedDateTime dueAt) {
        static ObligationView of(Obligation o) {
            return o == null ? null : new ObligationView(o.period(), o.opens(), o.due(), o.dueMoment());
        }
    }

    record ReleaseView(long id, String period, int version, String origin, Instant publishedAt, int rows,
                       String sha256, String href) {
        static ReleaseView of(Release r) {
            return r == null ? null : new ReleaseView(r.id(), r.period(), r.version(), r.origin(), r.publishedAt(),
                    r.rows(), r.sha256(), "/api/v1/open-data/datasets/" + r.dataset() + "/releases/" + r.period()
                    + "?version=" + r.version());
        }
    }

    record DatasetView(int number, String name, String nameKk, String nameRu, String periodicity, String deadline,
                       Integer firstYear, String source, boolean generated, String state, ObligationView current,
                       ObligationView next, ReleaseView latest, List<ReleaseView> releases) {
        static DatasetView of(DatasetStatus s, Locale locale, boolean withReleases) {
            var d = s.dataset();
            return new DatasetView(d.number(), d.name(locale), d.nameKk(), d.nameRu(), d.periodicity().name(),
                    d.deadline().name(), d.firstYear(), d.source().name(), d.generated(), s.state().name(),
                    ObligationView.of(s.current()), ObligationView.of(s.next()), ReleaseView.of(s.latest()),
                    withReleases ? s.releases().stream().map(ReleaseView::of).toList() : null);
        }
    }

    record EventRequest(String occursOn, String note) {
    }

    record EventView(int dataset, LocalDate occursOn, ObligationView obligation) {
    }

    private final Publishing publishing;
    private final Catalogue catalogue;
    private final ReleaseSchedule schedule;

    OpenDataApiController(Publishing publishing, Catalogue catalogue, ReleaseSchedule schedule) {
        this.publishing = publishing;
        this.catalogue = catalogue;
        this.schedule = schedule;
    }

    @GetMapping("/datasets")
    @Operation(summary = "OD-1: the 61 datasets with their update period, deadline, the period due now and its state "
            + "(PUBLISHED, DUE, LATE, NONE), the next period and the latest release; ?state=LATE lists the late ones")
    List<DatasetView> datasets(@RequestParam(required = false) String state, Locale locale) {
        DatasetStatus.State wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = DatasetStatus.State.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("state", "opendata.state.unknown", state).exception();
            }
        }
        var only = wanted;
        return publishing.statuses().stream().filter(s -> only == null || s.state() == only)
                .map(s -> DatasetView.of(s, locale, false)).toList();
    }

    @GetMapping("/datasets/{number}")
    @Operation(summary = "One dataset with every release (the latest version of each period)")
    DatasetView dataset(@PathVariable int number, Locale locale) {
        return publishing.status(number).map(s -> DatasetView.of(s, locale, true))
                .orElseThrow(() -> Refusal.notFound("open-dataset", number).exception());
    }

    @GetMapping(path = "/datasets/{number}/releases/{period}", produces = "text/csv")
    @Operation(summary = "A release's file (CSV, UTF-8): the latest version of the period, or ?version=")
    ResponseEntity<byte[]> file(@PathVariable int number, @PathVariable String period,
                                @RequestParam(required = false) Integer version) {
        var content = catalogue.content(number, period, version)
                .orElseThrow(() -> Refusal.notFound("open-dataset-release", number + "/" + period).exception());
        String name = String.format("open-dataset-%02d-%s%s.csv", number, period, version == null ? "" : "-v" + version);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .eTag("\"" + Publishing.sha256(content) + "\"").body(content);
    }

    @PostMapping(path = "/datasets/{number}/releases", consumes = {"text/csv", "application/octet-stream"})
    @PreAuthorize(PUBLISHERS)
    @Operation(summary = "OD-2, OD-3: publish an uploaded file for a period (refused when it holds personal data)")
    ResponseEntity<ReleaseView> upload(@PathVariable int number, @RequestParam(required = false) String period,
                                       @RequestBody(required = false) byte[] content) {
        return created(publishing.upload(number, period, content).orElseThrow());
    }

    @PostMapping("/datasets/{number}/releases/generate")
    @PreAuthorize(PUBLISHERS)
    @Operation(summary = "OD-3: generate a dataset this system holds from its registries and publish it "
            + "(period: default the one due now)")
    ResponseEntity<ReleaseView> generate(@PathVariable int number, @RequestParam(required = false) String period) {
        return created(publishing.generate(number, period).orElseThrow());
    }

    @PostMapping("/datasets/{number}/events")
    @PreAuthorize(PUBLISHERS)
    @Operation(summary = "OD-1: record the approval (No. 30) or the set date (No. 50) that opens a period")
    ResponseEntity<EventView> event(@PathVariable int number, @RequestBody EventRequest request) {
        var day = publishing.recordEvent(number, request == null ? null : request.occursOn(),
                request == null ? null : request.note()).orElseThrow();
        var dataset = catalogue.dataset(number).orElseThrow();
        var obligation = schedule.obligation(dataset, day.toString(), catalogue.events(number)).orElse(null);
        return ResponseEntity.created(URI.create("/api/v1/open-data/datasets/" + number))
                .body(new EventView(number, day, ObligationView.of(obligation)));
    }

    private static ResponseEntity<ReleaseView> created(Release release) {
        var view = ReleaseView.of(release);
        return ResponseEntity.created(URI.create(view.href())).body(view);
    }
}
