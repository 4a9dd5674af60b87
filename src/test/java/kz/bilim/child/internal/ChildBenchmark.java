package kz.bilim.child.internal;

import kz.bilim.BenchmarkRunner;
import kz.bilim.child.ChildImport;
import kz.bilim.child.ChildSource;
import kz.bilim.demo.DemoScale;
import kz.bilim.demo.internal.DemoLoader;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.platform.database.OwnerDataSource;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.BufferedOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --bilim.child.benchmark=national} (or {@code region}, {@code tiny}): the national reconciliation of issue 9
 * on a fresh temporary database. Untimed: the demo's persons and enrolments of that scale (no child data), then the
 * Justice file (≈ 97 % of the children, some spelled in Latin, some living elsewhere than the registry says) and the
 * Kandas file (≈ 2 %, some without IIN) written by COPY from the persons. Timed, each stage with rows/s: sources 1–4
 * read from the live enrolments ({@link RegistrySources#refresh}, the whole country), the Justice and Kandas files
 * imported through the command line's path ({@link ChildImporting#runAsSystem}: read, check, COPY, merge), the nine
 * lists' kept counts rebuilt; then the national list counts over HTTP as the ministry (p50/p95), and the yardstick.
 */
@Component
@Order(2)
class ChildBenchmark extends BenchmarkRunner {

    private final String scale;
    /** The separate imports of before (registry refresh, Justice, Kandas) instead of the one reconciliation. */
    private final boolean separate;
    private final OwnerDataSource ownerDataSource;
    private final RegistrySources registry;
    private final ChildImporting imports;
    private final ChildListCounts counts;
    private final Clock clock;

    ChildBenchmark(@Value("${bilim.child.benchmark:}") String setting,
                   @Value("${bilim.child.benchmark-yardstick:}") String yardstick, OwnerDataSource ownerDataSource,
                   RegistrySources registry, ChildImporting imports, ChildListCounts counts, Clock clock,
                   @Value("${bilim.child.benchmark-separate:false}") boolean separate,
                   ConfigurableApplicationContext context) {
        super(setting.isBlank() ? "" : "1", yardstick, context);
        this.separate = separate;
        this.scale = setting;
        this.ownerDataSource = ownerDataSource;
        this.registry = registry;
        this.imports = imports;
        this.counts = counts;
        this.clock = clock;
    }

    @Override
    protected void measure(int ignored) throws Exception {
        var owner = JdbcClient.create(ownerDataSource);
        machine("Bilim child accounting benchmark (issue 9, national reconciliation)", "scale " + scale);
        long t0 = System.nanoTime();
        var report = CurrentScope.asSystem(() -> new DemoLoader(ownerDataSource, p -> "{noop}" + p)
                .load(DemoScale.fromSetting(scale).orElseThrow(), 20261123L));
        out("demo persons and enrolments (untimed): %,d rows in %.1f s", report.totalRows(), seconds(t0));

        Path folder = Files.createTempDirectory("child-benchmark-");
        Path justice = folder.resolve("justice.csv"), kandas = folder.resolve("kandas.csv");
        long t1 = System.nanoTime();
        long justiceRows = export(justice, """
                select iin, case when id % 97 = 5 then initcap(child_name_fold(last_name)) else last_name end,
                       first_name, patronymic, birth_date, left(sex, 1), citizenship,
                       case when id % 89 = 3 then coalesce((select q.residence_kato from person q where q.id = p.id + 40000),
                                                           residence_kato) else residence_kato end
                  from person p where id % 100 < 97""");
        long kandasRows = export(kandas, """
                select case when id % 7 = 0 then null else iin end, last_name, first_name, patronymic, birth_date,
                       left(sex, 1), case when id % 7 = 0 then 'CN' else citizenship end, residence_kato
                  from person p where id % 53 = 17""");
        out("files written (untimed): Justice %,d rows (%,d MB), Kandas %,d rows, in %.1f s", justiceRows,
                Files.size(justice) >> 20, kandasRows, seconds(t1));

        out("--- timed: the files exist ---");
        long start = System.nanoTime();
        long s = System.nanoTime();
        ChildImport j, k;
        if (separate) {
            int pupils = CurrentScope.asSystem(() -> registry.refresh(""));
            stage("sources 1-4 from the live enrolments (registry refresh, whole country)", pupils, s);
            j = importFile(ChildSource.JUSTICE, justice);
            k = importFile(ChildSource.KANDAS, kandas);
        } else {
            out("national reconciliation (registry + Justice + Kandas, one bulk merge; the command line's path):");
            var done = imports.reconcileAsSystem(justice, kandas, new ChildImporting.Progress() {
                @Override
                public void stage(String name, long rows, long nanos) {
                    out("    %s: %,d rows in %.1f s (%,.0f rows/s)", name, rows, nanos / 1e9, rows / (nanos / 1e9));
                }
            }).orElseThrow();
            j = done.justice();
            k = done.kandas();
            stage("reconciliation: registry, Justice, Kandas (" + j.state() + ")", done.pupils() + j.rows() + k.rows(), s);
            if (j.state() != ChildImport.State.DONE) throw new IllegalStateException("reconciliation " + j + " " + k);
        }
        s = System.nanoTime();
        owner.sql("update child_list_count_day set as_of = null").update();
        counts.rebuild(LocalDate.now(clock));
        long children = owner.sql("select count(*) from child").query(Long.class).single();
        stage("lists: kept counts of the nine lists rebuilt", children, s);
        double total = seconds(start);
        out("=== end to end after the files exist: %.1f s (target <= 60 s); children %,d, source rows %,d; "
                        + "Justice: %s; Kandas: %s", total, children,
                owner.sql("select count(*) from child_source").query(Long.class).single(), summary(j), summary(k));
        // the result itself, independent of ids and of the order of writes: the same for both modes (the check that the
        // reconciliation merges as the separate imports do)
        out("fingerprint: %s", owner.sql("""
                select concat_ws(' ', (select count(*) || ' children ' || sum(hashtext(concat_ws('|', iin, last_name,
                           first_name, patronymic, birth_date, sex, citizenship, kato, name_key, person_id, held,
                           merged_into is null)))::text from child),
                       (select count(*) || ' sources ' || count(*) filter (where active) || ' active '
                               || sum(hashtext(concat_ws('|', c.iin, c.person_id, c.last_name, c.birth_date, s.source,
                                  s.origin, s.iin, s.last_name, s.first_name, s.residence_kato, s.organisation_id, s.active)))::text
                          from child_source s join child c on c.id = s.child_id),
                       (select count(*) || ' reviews' from child_review),
                       (select count(*) || ' rejections' from child_import_rejection))""").query(String.class).single());
        var heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        out("peak heap (sum of pools' peaks) %,d MB of max %,d MB", heap >> 20, Runtime.getRuntime().maxMemory() >> 20);

        listCountsOverHttp(owner);
        yardstick(owner);
    }

    private ChildImport importFile(ChildSource source, Path file) {
        long s = System.nanoTime();
        out("import %s (the command line's path):", source);
        var done = imports.runAsSystem(source, null, file, new ChildImporting.Progress() {
            @Override
            public void stage(String name, long rows, long nanos) {
                out("    %s: %,d rows in %.1f s (%,.0f rows/s)", name, rows, nanos / 1e9, rows / (nanos / 1e9));
            }
        }).orElseThrow();
        stage("import " + source + " (" + done.state() + ")", done.rows(), s);
        if (done.state() != ChildImport.State.DONE) throw new IllegalStateException(source + " import " + done);
        return done;
    }

    private static String summary(ChildImport i) {
        return String.format(java.util.Locale.ROOT, "rows %,d accepted %,d rejected %,d inserted %,d new children %,d",
                i.rows(), i.accepted(), i.rejected(), i.inserted(), i.children());
    }

    private static void stage(String name, long rows, long since) {
        double sec = seconds(since);
        out("  %-70s %7.1f s  %,12d rows  %,10.0f rows/s", name, sec, rows, rows / sec);
    }

    private long export(Path file, String select) throws Exception {
        try (var connection = ownerDataSource.getConnection();
             var outStream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            outStream.write("iin,last_name,first_name,patronymic,birth_date,sex,citizenship,residence_kato\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("copy (" + select + ") to stdout (format csv)", outStream);
        }
    }

    /** GET /api/v1/children/lists as the ministry (the whole country), 200 times after 20 warm-ups. */
    private void listCountsOverHttp(JdbcClient owner) throws Exception {
        long user = owner.sql("select id from app_user where username = 'ministry'").query(Long.class).single();
        String token = token(owner, user, null, null);
        var client = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort() + "/api/v1/children/lists"))
                .header("Authorization", "Bearer " + token).GET().build();
        List<Double> ms = new ArrayList<>();
        String body = null;
        for (int i = 0; i < 220; i++) {
            long t = System.nanoTime();
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IllegalStateException("lists answered " + response.statusCode());
            if (i >= 20) ms.add((System.nanoTime() - t) / 1e6);
            body = response.body();
        }
        out("national list counts over HTTP (ministry, kept aggregate): %s", percentiles(ms));
        out("  %s", body);
    }
}
