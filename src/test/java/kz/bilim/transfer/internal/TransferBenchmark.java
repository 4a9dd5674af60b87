package kz.bilim.transfer.internal;

import kz.bilim.BenchmarkRunner;
import kz.bilim.StatementStatistics;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.SigningKeys;
import kz.bilim.transfer.TransferFixture;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code --bilim.transfer.benchmark=3000}: the load benchmark of issue 11 on a fresh temporary database
 * (scripts/benchmark-transfer.sh). Registers that many pupils in a departing school, an applicant with an API token
 * and a test certificate, and receiving schools with their keys and heads' tokens; prepares and signs every
 * application beforehand (the application text is fetched first, untimed), then over HTTP on loopback with
 * {@code bilim.transfer.benchmark-threads} clients of the load generator, a JVM of its own ({@link TransferLoadClient}):
 * submits them all (verify the CMS signature, find the child and its parent link, check the rules, write the
 * application, stage and audit) and accepts a share of them (move the enrolment, render the notification PDF and sign
 * it with the school's key). Prints throughput and latency percentiles, the CPU per application of the server JVM, of
 * the client JVM and of PostgreSQL, and the yardstick.
 */
@Component
@Order(3)
class TransferBenchmark extends BenchmarkRunner {

    private static final int SCHOOLS = 20;

    private final int threads;
    private final int decisions;
    private final int warmup;
    private final OwnerDataSource ownerDataSource;
    private final SigningKeys keys;
    private final Signatures signatures;
    private final JsonMapper json;
    private final Clock clock;
    private ExecutorService clients;

    TransferBenchmark(@Value("${bilim.transfer.benchmark:}") String setting,
                      @Value("${bilim.transfer.benchmark-threads:8}") int threads,
                      @Value("${bilim.transfer.benchmark-decisions:1000}") int decisions,
                      @Value("${bilim.transfer.benchmark-warmup:6000}") int warmup,
                      @Value("${bilim.transfer.benchmark-yardstick:}") String yardstick,
                      OwnerDataSource ownerDataSource, SigningKeys keys, Signatures signatures, JsonMapper json,
                      ConfigurableApplicationContext context, Clock clock) {
        super(setting, yardstick, context);
        this.threads = threads;
        this.decisions = decisions;
        this.warmup = warmup;
        this.ownerDataSource = ownerDataSource;
        this.keys = keys;
        this.signatures = signatures;
        this.json = json;
        this.clock = clock;
    }

    record Prepared(String body, int school) {
    }

    @Override
    protected void measure(int measured) throws Exception {
        // the warm-up's applications are submitted first and not counted: the JIT compiles the hot paths of the
        // server (and of the generator) in the first few thousand requests, which a portal serving a rush has done long
        // before; counted, they would weigh a 3,000-application run with seconds of compiler threads
        int warm = Math.max(20, warmup);
        int applications = warm + measured;
        machine("Bilim transfer benchmark (issue 11)", threads + " client threads, " + warm + " warm-up applications");
        var fixture = new TransferFixture(ownerDataSource, keys, YearMonth.of(2013, 6), 100);
        JdbcClient owner = fixture.owner;
        long t0 = System.nanoTime();
        String settlement = fixture.registry.districtWithSettlement("398300000", true);
        long departing = fixture.school(settlement, "Бенчмарк шығатын");
        long from = fixture.schoolClass(departing, 1, "А", 60);
        long[] schools = new long[SCHOOLS];
        long[] classes = new long[SCHOOLS];
        String[] heads = new String[SCHOOLS];
        for (int s = 0; s < SCHOOLS; s++) {
            schools[s] = fixture.school(settlement, "Бенчмарк " + s);
            classes[s] = fixture.schoolClass(schools[s], 1, "Б", 60);
            long head = owner.sql("""
                    insert into app_user (username, password_hash, full_name, role, organisation_id, kato, locale)
                    values (:u, '{noop}-', 'Benchmark Head', 'ORGANISATION_ADMIN', :org, :kato, 'en') returning id
                    """).param("u", "benchmark.head." + s).param("org", schools[s]).param("kato", fixture.kato(schools[s]))
                    .query(Long.class).single();
            heads[s] = token(owner, head, fixture.kato(schools[s]), schools[s]);
        }
        // with the national demo loaded (BILIM_DEMO=national) some IINs of the sequence are taken: a tenth more
        // are tried, and the pupils are those the registry did not know yet
        List<String> candidates = new ArrayList<>();
        for (int i = 0; candidates.size() < applications + applications / 10 + 100; i++)
            candidates.add(fixture.registry.nextIin(LocalDate.of(fixture.year - 6, 1, 1).plusDays(i % 365),
                    i % 2 == 0 ? Sex.FEMALE : Sex.MALE).value());
        List<Iin> children = owner.sql("""
                with p as (
                    insert into person (iin, last_name, first_name, birth_date, sex, residence_kato)
                    select i, 'Бенчмаркова', 'Әлия', to_date('20' || substr(i, 1, 6), 'YYYYMMDD'),
                           case when substr(i, 7, 1)::int % 2 = 1 then 'MALE' else 'FEMALE' end, :kato
                      from unnest(string_to_array(:iins, ',')) as i
                    on conflict (iin) do nothing
                    returning id, iin),
                e as (
                insert into enrolment (person_id, organisation_id, class_id, kato, grade, enrolled_from, admission_order)
                select p.id, :org, :class, :kato, 1, :from, 'B-1' from p)
                select iin from p
                """).param("iins", String.join(",", candidates)).param("kato", settlement)
                .param("org", departing).param("class", from).param("from", LocalDate.of(fixture.year, 9, 1))
                .query(String.class).list().stream().limit(applications).map(Iin::parse).toList();
        if (children.size() < applications)
            throw new IllegalStateException("only " + children.size() + " new pupils of " + applications);
        var parent = fixture.applicant("benchmark.parent");
        // the registry links the pupils to the applicant: a parent applies only for their own linked child
        owner.sql("""
                insert into person_parent (person_id, parent_iin)
                select p.id, :parent from person p where p.iin = any (string_to_array(:iins, ','))
                """).param("parent", parent.iin().value())
                .param("iins", String.join(",", children.stream().map(Iin::value).toList())).update();
        String parentToken = token(owner, parent.user().id(), "", null);
        out("fixtures: %,d pupils, %d receiving schools with keys, in %.1f s", applications, SCHOOLS, seconds(t0));

        var clientThreads = new AtomicInteger();
        clients = Executors.newFixedThreadPool(threads + 2, r -> new Thread(r, "bench-client-" + clientThreads.incrementAndGet()));
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(clients).build();
        String base = "http://localhost:" + httpPort() + "/api/v1/transfers";
        String today = LocalDate.now(clock).toString();
        try {
            long t1 = System.nanoTime();
            List<Prepared> prepared = Collections.synchronizedList(new ArrayList<>());
            parallel(applications, i -> {
                int school = i % SCHOOLS;
                String form = TransferFixture.form(children.get(i), "Бенчмаркова", schools[school], today, "MOVE",
                        "Шарт № " + i, true, null);
                var text = send(client, base + "/application-text", parentToken, TransferFixture.unsigned(form));
                if (text.statusCode() != 200) throw new IllegalStateException(text.body());
                byte[] content = Base64.getDecoder().decode(json.readTree(text.body()).get("content").asString());
                prepared.add(new Prepared(TransferFixture.withSignature(form, signatures.sign(content, parent.key())), school));
                return 0.0;
            });
            out("prepared and signed on the client: %,d applications in %.1f s (untimed)", prepared.size(), seconds(t1));

            // grade 1 (TR-10 limits grades 2-9 only): the classes take every pupil of the run. The load generator
            // is a JVM of its own: its CPU is not the server's, and the server's clock is read at its marks
            var plan = new TransferLoadClient.Plan(base, threads, warm, decisions, parentToken, List.of(heads),
                    java.util.Arrays.stream(classes).boxed().toList(),
                    prepared.stream().map(p -> new TransferLoadClient.Application(p.body(), p.school())).toList());
            Path file = Files.createTempFile("transfer-load", ".json");
            json.writeValue(file.toFile(), plan);
            var process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                    // keep a connection per client thread alive; never send a submission twice on a stale one
                    "-Dhttp.maxConnections=" + (threads + 2), "-Dsun.net.http.retryPost=false",
                    "-cp", System.getProperty("java.class.path"), TransferLoadClient.class.getName(), file.toString()).redirectErrorStream(true).start();
            double cpu0 = 0, db0 = 0, submitSeconds = 0;
            var statements = new StatementStatistics(owner);
            var threads0 = threadCpuSeconds();
            long t2 = 0;
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    switch (line) {
                        case "@submit-start", "@accept-start" -> {
                            cpu0 = processCpuSeconds();
                            threads0 = threadCpuSeconds();
                            statements.reset();
                            db0 = databaseCpuSeconds(owner);
                            t2 = System.nanoTime();
                        }
                        case "@submit-end", "@accept-end" -> {
                            double wall = seconds(t2);
                            double cpu = processCpuSeconds() - cpu0;
                            double db = databaseCpuSeconds(owner) - db0;
                            int count = line.startsWith("@submit") ? applications - warm : Math.min(decisions, applications);
                            out("  %s: server JVM CPU %.1f s (%.2f cores) = %.2f ms each%s; PostgreSQL CPU %.1f s = %.2f ms each; wall %.1f s",
                                    line.substring(1, line.indexOf('-')), cpu, cpu / wall, cpu * 1000 / count,
                                    jitAndGc(threads0, threadCpuSeconds(), count), db, db * 1000 / count, wall);
                            if (line.startsWith("@submit")) submitSeconds = wall;
                            statements.print(count);
                        }
                        default -> System.out.println(line);
                    }
                }
            } finally {
                if (process.isAlive()) process.destroyForcibly();
                Files.deleteIfExists(file);
            }
            if (process.waitFor() != 0) throw new IllegalStateException("the load client failed: " + process.exitValue());
            out("load average after: %s (submissions took %.1f s)", loadAverage(), submitSeconds);
        } finally {
            clients.shutdownNow();
        }
        yardstick(owner);
    }

    interface Task {
        double run(int i) throws Exception;
    }

    /** Runs n tasks at a fixed concurrency (the client threads), each taking the next index; the latencies in ms. */
    private List<Double> parallel(int n, Task task) throws Exception {
        var next = new AtomicInteger();
        var latencies = new ConcurrentLinkedQueue<Double>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++)
            futures.add(clients.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) latencies.add(task.run(i));
                return null;
            }));
        for (var f : futures) f.get();
        return new ArrayList<>(latencies);
    }

    private static HttpResponse<String> send(HttpClient client, String uri, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
