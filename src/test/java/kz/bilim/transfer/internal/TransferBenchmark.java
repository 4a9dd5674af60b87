package kz.bilim.transfer.internal;

import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.SigningKeys;
import kz.bilim.transfer.TransferFixture;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
class TransferBenchmark implements ApplicationRunner {

    private static final int SCHOOLS = 20;

    private final String setting;
    private final int threads;
    private final int decisions;
    private final String yardstick;
    private final OwnerDataSource ownerDataSource;
    private final SigningKeys keys;
    private final Signatures signatures;
    private final JsonMapper json;
    private final ConfigurableApplicationContext context;
    private final Clock clock;

    TransferBenchmark(@Value("${bilim.transfer.benchmark:}") String setting,
                      @Value("${bilim.transfer.benchmark-threads:8}") int threads,
                      @Value("${bilim.transfer.benchmark-decisions:1000}") int decisions,
                      @Value("${bilim.transfer.benchmark-yardstick:}") String yardstick,
                      OwnerDataSource ownerDataSource, SigningKeys keys, Signatures signatures, JsonMapper json,
                      ConfigurableApplicationContext context, Clock clock) {
        this.setting = setting;
        this.threads = threads;
        this.decisions = decisions;
        this.yardstick = yardstick;
        this.ownerDataSource = ownerDataSource;
        this.keys = keys;
        this.signatures = signatures;
        this.json = json;
        this.context = context;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (setting.isBlank()) return;
        int status = 0;
        try {
            measure(Integer.parseInt(setting.trim()));
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        int code = status;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    record Prepared(String body, int school) {
    }

    private void measure(int applications) throws Exception {
        out("=== Bilim transfer benchmark (issue 11) ===");
        out("machine: %d cores, load average %s, JVM max heap %,d MB, %d client threads",
                Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.getRuntime().maxMemory() >> 20, threads);
        var fixture = new TransferFixture(ownerDataSource, keys, YearMonth.of(2013, 6), 100);
        JdbcClient owner = fixture.owner;
        long t0 = System.nanoTime();
        String settlement = fixture.registry.districtWithSettlement("398300000", true);
        long departing = fixture.school(settlement, "Бенчмарк шығатын");
        long from = fixture.schoolClass(departing, 5, "А", 1_000_000);
        long[] schools = new long[SCHOOLS];
        long[] classes = new long[SCHOOLS];
        String[] heads = new String[SCHOOLS];
        for (int s = 0; s < SCHOOLS; s++) {
            schools[s] = fixture.school(settlement, "Бенчмарк " + s);
            classes[s] = fixture.schoolClass(schools[s], 5, "Б", 1_000_000);
            long head = owner.sql("""
                    insert into app_user (username, password_hash, full_name, role, organisation_id, kato, locale)
                    values (:u, '{noop}-', 'Benchmark Head', 'ORGANISATION_ADMIN', :org, :kato, 'en') returning id
                    """).param("u", "benchmark.head." + s).param("org", schools[s]).param("kato", fixture.kato(schools[s]))
                    .query(Long.class).single();
            heads[s] = token(owner, head, fixture.kato(schools[s]), schools[s]);
        }
        List<Iin> children = new ArrayList<>(applications);
        for (int i = 0; i < applications; i++) children.add(fixture.registry.nextIin(LocalDate.of(2015, 1, 1)
                .plusDays(i % 365), i % 2 == 0 ? Sex.FEMALE : Sex.MALE));
        owner.sql("""
                with p as (
                    insert into person (iin, last_name, first_name, birth_date, sex, residence_kato)
                    select i, 'Бенчмаркова', 'Әлия', to_date('20' || substr(i, 1, 6), 'YYYYMMDD'),
                           case when substr(i, 7, 1)::int % 2 = 1 then 'MALE' else 'FEMALE' end, :kato
                      from unnest(string_to_array(:iins, ',')) as i
                    returning id)
                insert into enrolment (person_id, organisation_id, class_id, kato, grade, enrolled_from, admission_order)
                select p.id, :org, :class, :kato, 5, :from, 'B-1' from p
                """).param("iins", String.join(",", children.stream().map(Iin::value).toList())).param("kato", settlement)
                .param("org", departing).param("class", from).param("from", LocalDate.of(fixture.year, 9, 1)).update();
        var parent = fixture.applicant("benchmark.parent");
        String parentToken = token(owner, parent.user().id(), "", null);
        out("fixtures: %,d pupils, %d receiving schools with keys, in %.1f s", applications, SCHOOLS, seconds(t0));

        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://localhost:" + port + "/api/v1/transfers";
        String today = LocalDate.now(clock).toString();

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

        // warm-up: the first 5 % are submitted first and not counted
        int warm = Math.max(20, applications / 20);
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        List<Integer> idSchools = Collections.synchronizedList(new ArrayList<>());
        parallel(warm, i -> submit(client, base, parentToken, prepared.get(i), ids, idSchools));
        long t2 = System.nanoTime();
        var submitted = parallel(applications - warm, i -> submit(client, base, parentToken, prepared.get(warm + i), ids, idSchools));
        double submitSeconds = seconds(t2);
        out("SUBMIT (signed, verified, registered): %,d in %.2f s = %.0f applications/s; %s",
                submitted.size(), submitSeconds, submitted.size() / submitSeconds, percentiles(submitted));

        int toDecide = Math.min(decisions, ids.size());
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
        out("load average after: %s", loadAverage());

        if (!yardstick.isBlank() && Files.isRegularFile(Path.of(yardstick))) {
            String pgPort = owner.sql("select current_setting('port')").query(String.class).single();
            out("--- pg-yardstick.sh on the same database (port %s) ---", pgPort);
            var process = new ProcessBuilder("bash", yardstick, "-h", "localhost", "-p", pgPort, "-U", "postgres")
                    .redirectErrorStream(true).start();
            System.out.print(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            process.waitFor();
        }
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

    /** Runs n tasks on the client threads, each thread taking the next index; the latencies in ms. */
    private List<Double> parallel(int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var next = new AtomicInteger();
        var latencies = new ConcurrentLinkedQueue<Double>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++)
                futures.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < n; ) latencies.add(task.run(i));
                    return null;
                }));
            for (var f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(latencies);
    }

    private static HttpResponse<String> send(HttpClient client, String uri, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String token(JdbcClient owner, long user, String kato, Long organisation) throws Exception {
        String secret = "blm_benchmark_" + user + "_" + Long.toHexString(System.nanoTime());
        owner.sql("""
                insert into api_token (user_id, name, token_hash, kato, organisation_id, expires_at)
                values (:user, 'benchmark', :hash, :kato, :org, now() + interval '1 day')
                """).param("user", user).param("hash", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8)))).param("kato", kato).param("org", organisation).update();
        return secret;
    }

    private static String percentiles(List<Double> ms) {
        var sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
