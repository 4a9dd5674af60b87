package kz.bilim.child.internal;

import kz.bilim.child.ChildImport;
import kz.bilim.child.ChildSource;
import kz.bilim.kernel.Outcome;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command-line import of national files (issue 9 item 2): {@code java -jar bilim.jar import-children
 * --source=JUSTICE [--kato=<code>] [--lang=kk|ru|en] [--rejections=<file>] <file.csv>} — the same import as
 * {@code POST /api/v1/children/imports} (header checked first, rows checked, COPY into staging, the set-based merge,
 * all or nothing), run as a system run on this thread: the whole country when no {@code kato} is given. Prints the
 * progress and the result, writes the rejected rows as the API's CSV (default {@code <file>.rejections.csv}) and exits
 * 0 when done, 1 when the import failed (nothing changed), 2 when the command or the file was refused before
 * anything was written.
 */
@Component
@Order(3)
class ChildImportCommand implements ApplicationRunner {

    static final String NAME = "import-children";
    static final int DONE = 0, FAILED = 1, REFUSED = 2;
    private static final Set<String> OPTIONS = Set.of("source", "kato", "lang", "rejections", "reconcile", "justice",
            "kandas");
    /** Settings of the application itself may be given along (a database URL, a log level). */
    private static final List<String> SETTINGS = List.of("spring.", "bilim.", "server.", "logging.", "management.");
    static final String USAGE = "usage: java -jar bilim.jar " + NAME
            + " --source=JUSTICE|KANDAS|EMIS_PRESCHOOL|EMIS_SCHOOL|EMIS_TVET|EMIS_NON_STATE [--kato=<KATO code>]"
            + " [--lang=kk|ru|en] [--rejections=<file>] <file.csv>\n   or: java -jar bilim.jar " + NAME
            + " --reconcile --justice=<file.csv> --kandas=<file.csv> [--lang=kk|ru|en]";

    private final ChildImporting imports;
    private final ChildImportRepository repository;
    private final MessageSource messages;
    private final ConfigurableApplicationContext context;

    ChildImportCommand(ChildImporting imports, ChildImportRepository repository, MessageSource messages,
                       ConfigurableApplicationContext context) {
        this.imports = imports;
        this.repository = repository;
        this.messages = messages;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.getNonOptionArgs().isEmpty() || !args.getNonOptionArgs().get(0).equals(NAME)) return;
        int code = execute(args, System.out, System.err);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** The command; answers its exit code. */
    int execute(ApplicationArguments args, PrintStream out, PrintStream err) {
        var unknown = args.getOptionNames().stream()
                .filter(o -> !OPTIONS.contains(o) && SETTINGS.stream().noneMatch(o::startsWith)).sorted().toList();
        if (!unknown.isEmpty()) return refused(err, "unknown option --" + String.join(", --", unknown));
        if (args.containsOption("reconcile")) return reconcile(args, out, err);
        var files = args.getNonOptionArgs().subList(1, args.getNonOptionArgs().size());
        if (files.size() != 1) return refused(err, files.isEmpty() ? "no file given" : "give exactly one file");
        String sourceText = option(args, "source");
        if (sourceText == null) return refused(err, "--source is required");
        ChildSource source = ChildSource.parse(sourceText);
        if (source == null) return refused(err, "--source=" + sourceText + " is not a source");
        String lang = option(args, "lang");
        if (lang != null && !Set.of("kk", "ru", "en").contains(lang)) return refused(err, "--lang must be kk, ru or en");
        Locale locale = Locale.forLanguageTag(lang == null ? "ru" : lang);
        Path file = Path.of(files.get(0));
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) return refused(err, "no readable file " + file);
        String kato = option(args, "kato");
        Path report = Path.of(option(args, "rejections") == null ? file + ".rejections.csv" : option(args, "rejections"));

        out.printf(Locale.ROOT, "import-children: %s of %s for %s (%,d bytes)%n", file, source,
                kato == null ? "the whole country" : kato, size(file));
        Outcome<ChildImport> outcome = imports.runAsSystem(source, kato, file, new Printed(out));
        if (outcome instanceof Outcome.Refused<ChildImport> r) {
            for (var e : r.refusal().errors())
                err.println("refused: " + e.field() + ": " + messages.getMessage(e.reasonKey(), e.args(), e.reasonKey(), locale));
            if (r.refusal().errors().isEmpty())
                err.println("refused: " + messages.getMessage(r.refusal().reasonKey(), r.refusal().args().toArray(),
                        r.refusal().reasonKey(), locale));
            err.println("nothing was written");
            return REFUSED;
        }
        return result(outcome.orElseThrow(), report, out, err, locale);
    }

    /** One import's result printed, its rejections written to {@code report}; answers the exit code. */
    private int result(ChildImport done, Path report, PrintStream out, PrintStream err, Locale locale) {
        if (done.state() != ChildImport.State.DONE) {
            err.printf(Locale.ROOT, "FAILED: import %d after %,d rows: %s; the registry is as it was%n", done.id(),
                    done.rows(), messages.getMessage(done.message() == null ? "child.import.failed" : done.message(),
                            null, "child.import.failed", locale));
            return FAILED;
        }
        out.printf(Locale.ROOT, "DONE: import %d (%s): rows %,d, accepted %,d, rejected %,d; source rows inserted %,d, "
                        + "updated %,d, unchanged %,d, withdrawn %,d; new children %,d%n", done.id(), done.source(),
                done.rows(), done.accepted(), done.rejected(), done.inserted(), done.updated(), done.unchanged(),
                done.withdrawn(), done.children());
        if (done.rejected() > 0) {
            try (var csv = new RejectionsCsv(Files.newBufferedWriter(report, StandardCharsets.UTF_8), messages, locale)) {
                repository.forEachRejectionAsOwner(done.id(), csv::add);
            } catch (IOException e) {
                err.println("the rejections could not be written to " + report + ": " + e.getMessage()
                        + " (GET /api/v1/children/imports/" + done.id() + "/rejections has them)");
                return FAILED;
            }
            out.println("rejections: " + report.toAbsolutePath());
        }
        return DONE;
    }

    /**
     * The national reconciliation: sources 1–4 from the live enrolments and both national files merged as one bulk
     * merge, all or nothing ({@link ChildImporting#reconcileAsSystem}); each file's rejections written beside it.
     */
    private int reconcile(ApplicationArguments args, PrintStream out, PrintStream err) {
        if (args.getNonOptionArgs().size() > 1) return refused(err, "--reconcile takes --justice and --kandas, no other file");
        String justiceText = option(args, "justice"), kandasText = option(args, "kandas");
        if (justiceText == null || kandasText == null) return refused(err, "--reconcile needs --justice and --kandas");
        String lang = option(args, "lang");
        if (lang != null && !Set.of("kk", "ru", "en").contains(lang)) return refused(err, "--lang must be kk, ru or en");
        Locale locale = Locale.forLanguageTag(lang == null ? "ru" : lang);
        Path justice = Path.of(justiceText), kandas = Path.of(kandasText);
        for (var file : List.of(justice, kandas))
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) return refused(err, "no readable file " + file);
        out.printf(Locale.ROOT, "import-children: national reconciliation of the registry, %s and %s%n", justice, kandas);
        var outcome = imports.reconcileAsSystem(justice, kandas, new Printed(out));
        if (outcome instanceof Outcome.Refused<ChildImporting.Reconciled> r) {
            for (var e : r.refusal().errors())
                err.println("refused: " + e.field() + ": " + messages.getMessage(e.reasonKey(), e.args(), e.reasonKey(), locale));
            if (r.refusal().errors().isEmpty())
                err.println("refused: " + messages.getMessage(r.refusal().reasonKey(), r.refusal().args().toArray(),
                        r.refusal().reasonKey(), locale));
            err.println("nothing was written");
            return REFUSED;
        }
        var done = outcome.orElseThrow();
        int code = DONE;
        for (var i : List.of(done.justice(), done.kandas())) {
            int c = result(i, Path.of((i.source() == ChildSource.JUSTICE ? justice : kandas) + ".rejections.csv"),
                    out, err, locale);
            if (c != DONE) code = c;
        }
        return code;
    }

    private static String option(ApplicationArguments args, String name) {
        var values = args.getOptionValues(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).trim();
    }

    private static int refused(PrintStream err, String why) {
        err.println(NAME + ": " + why);
        err.println(USAGE);
        return REFUSED;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The import's progress as lines: rows read so far, then each stage with its time and rows/s. */
    private record Printed(PrintStream out) implements ChildImporting.Progress {
        @Override
        public void rows(long rows, long nanos) {
            out.printf(Locale.ROOT, "  %,d rows read and checked (%,.0f rows/s)%n", rows, rows / (nanos / 1e9));
        }

        @Override
        public void stage(String name, long rows, long nanos) {
            out.printf(Locale.ROOT, "  %s: %,d rows in %.1f s (%,.0f rows/s)%n", name, rows, nanos / 1e9,
                    rows / Math.max(nanos / 1e9, 1e-9));
        }
    }
}
