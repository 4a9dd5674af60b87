package kz.bilim.transfer.internal;

import kz.bilim.BenchmarkRunner;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * application on the client side (the application text is fetched first, untimed), then over HTTP on loopback with
 * {@code bilim.transfer.benchmark-threads} clients: submits them all (verify the CMS signature, find the child,
 * check the rules, write the application, stage and audit) and accepts a share of them (move the enrolment, render the
 * notification PDF and sign it with the school's key). Prints throughput and latency percentiles, and the yardstick.
 */
@Component
@Order(3)
class TransferBenchmark extends BenchmarkRunner {

    private static final int SCHOOLS = 20;

    private final int threads;
    private final int decisions;
    private final OwnerDataSource ownerDataSource;
    private final SigningKeys keys;
    private final Signatures signatures;
    private final JsonMapper json;
    private final Clock clock;
    private ExecutorService clients;

    TransferBenchmark(@Value("${bilim.transfer.benchmark:}") String setting,
                      @Value("${bilim.transfer.benchmark-threads:8}") int threads,
                      @Value("${bilim.transfer.benchmark-decisions:1000}") int decisions,
                      @Value("${bilim.transfer.benchmark-yardstick:}") String yardstick,
                      OwnerDataSource ownerDataSource, SigningKeys keys, Signatures signatures, JsonMapper json,
                      ConfigurableApplicationContext context, Clock clock) {
        super(setting, yardstick, context);
        this.threads = threads;
        this.decisions = decisions;
        this.ownerDataSource = ownerDataSource;
        this.keys = keys;
        this.signatures = signatures;
        this.json = json;
        this.clock = clock;
    }

    record Prepared(String body, int school) {
    }

    @Override
    protected void measure(int applications) throws Exception {
        machine("Bilim transfer benchmark (issue 11)", threads + " client threads");
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
        List<Iin> children = new ArrayList<>(applications);
        for (int i = 0; i < applications; i++) children.add(fixture.registry.nextIin(LocalDate.of(fixture.year - 6, 1, 1)
                .plusDays(i % 365), i % 2 == 0 ? Sex.FEMALE : Sex.MALE));
        owner.sql("""
                with p as (
                    insert into person (iin, last_name, first_name, birth_date, sex, residence_kato)
                    select i, 'Бенчмаркова', 'Әлия', to_date('20' || substr(i, 1, 6), 'YYYYMMDD'),
                           case when substr(i, 7, 1)::int % 2 = 1 then 'MALE' else 'FEMALE' end, :kato
                      from unnest(string_to_array(:iins, ',')) as i
                    returning id)
                insert into enrolment (person_id, organisation_id, class_id, kato, grade, enrolled_from, admission_order)
                select p.id, :org, :class, :kato, 1, :from, 'B-1' from p
                """).param("iins", String.join(",", children.stream().map(Iin::value).toList())).param("kato", settlement)
                .param("org", departing).param("class", from).param("from", LocalDate.of(fixture.year, 9, 1)).update();
        var parent = fixture.applicant("benchmark.parent");
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

            // grade 1 (TR-10 limits grades 2-9 only): the classes take every pupil of the run
            // warm-up: the first 5 % are submitted first and not counted
            int warm = Math.max(20, applications / 20);
            List<Long> ids = Collections.synchronizedList(new ArrayList<>());
            List<Integer> idSchools = Collections.synchronizedList(new ArrayList<>());
            parallel(warm, i -> submit(client, base, parentToken, prepared.get(i), ids, idSchools));
            double cpu0 = processCpuSeconds();
            double client0 = clientCpuSeconds();
            long t2 = System.nanoTime();
            var submitted = parallel(applications - warm, i -> submit(client, base, parentToken, prepared.get(warm + i), ids, idSchools));
            double submitSeconds = seconds(t2);
            double cpu = processCpuSeconds() - cpu0;
            double clientCpu = clientCpuSeconds() - client0;
            out("SUBMIT (signed, verified, registered): %,d in %.2f s = %.0f applications/s; %s",
                    submitted.size(), submitSeconds, submitted.size() / submitSeconds, percentiles(submitted));
            out("  JVM CPU %.1f s in %.1f s (%.2f cores); of it the client %.1f s; per application: %.2f ms server, %.2f ms client",
                    cpu, submitSeconds, cpu / submitSeconds, clientCpu, (cpu - clientCpu) * 1000 / submitted.size(),
                    clientCpu * 1000 / submitted.size());
            out("load average after submitting: %s", loadAverage());

            int toDecide = Math.min(decisions, ids.size());
            if (toDecide > 0) {
                long t3 = System.nanoTime();
                var decided = parallel(toDecide, i -> {
                    int s = idSchools.get(i);
                    long start = System.nanoTime();
                    var answer = send(client, base + "/" + ids.get(i) + "/accept", heads[s], "{\"classId\": " + classes[s] + "}");
                    if (answer.statusCode() != 200) throw new IllegalStateException(answer.statusCode() + " " + answer.body());
                    return (System.nanoTime() - start) / 1e6;
                });
                double decideSeconds = seconds(t3);
                out("ACCEPT (enrolment moved, notice PDF rendered and signed): %,d in %.2f s = %.0f decisions/s; %s",
                        decided.size(), decideSeconds, decided.size() / decideSeconds, percentiles(decided));
            }
            out("load average after: %s", loadAverage());
        } finally {
            clients.shutdownNow();
        }
        yardstick(owner);
    }

    private double submit(HttpClient client, String base, String token, Prepared p, List<Long> ids, List<Integer> schools)
            throws Exception {
        long start = System.nanoTime();
        var answer = send(client, base, token, p.body());
        double ms = (System.nanoTime() - start) / 1e6;
        if (answer.statusCode() != 201) throw new IllegalStateException(answer.statusCode() + " " + answer.body());
        synchronized (ids) {
            ids.add(json.readTree(answer.body()).get("id").asLong());
            schools.add(p.school());
        }
        return ms;
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
