package kz.bilim.collection;

import kz.bilim.TestUsers;
import kz.bilim.access.AccessFixture;
import kz.bilim.access.BilimUser;
import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Almaty;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.PkiIdentity;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.SigningKey;
import kz.bilim.signature.SigningKeys;
import kz.bilim.signature.TestPki;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collection's benchmark (docs/benchmarks.md), not part of the suite: a national period of a 200-field form
 * consolidated from every school up to the ministry, and a deadline-day burst of signed submissions over HTTP.
 * {@code ./mvnw -o -q test -Dtest=CollectionBenchmark -Dbilim.collection.benchmark=7500}
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({AccessFixture.class, RoundTrips.Config.class})
@EnabledIfSystemProperty(named = "bilim.collection.benchmark", matches = "[0-9]+")
class CollectionBenchmark {

    static final List<String> REGIONS = List.of("100000000", "110000000", "150000000", "190000000", "230000000",
            "270000000", "310000000", "330000000", "350000000", "390000000", "430000000", "470000000", "550000000",
            "590000000", "610000000", "620000000", "630000000", "710000000", "750000000", "790000000");

    @LocalServerPort
    int port;
    @Autowired
    OwnerDataSource owner;
    @Autowired
    CollectionBulkWriter writer;
    @Autowired
    DataCollection collection;
    @Autowired
    AccessFixture access;
    @Autowired
    SigningKeys keys;
    @Autowired
    Signatures signatures;

    static <T> T as(BilimUser user, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static Texts t(String en) {
        return new Texts(en, en, en);
    }

    @Test
    @DisplayName("EIS-6 benchmark: a national period of a 200-field form consolidated school → district → region → ministry")
    void nationalConsolidation() throws Exception {
        int schools = Integer.getInteger("bilim.collection.benchmark");
        var fields = new ArrayList<FormDefinition.Field>();
        for (int i = 1; i <= 200; i++)
            fields.add(new FormDefinition.Field("f%03d".formatted(i), FormDefinition.FieldType.NUMBER, t("F" + i), false,
                    BigDecimal.ZERO, null, true, null, null, null, null, null));
        var form = new NewForm("BENCH-200", 2026, Form.Kind.REGULAR, Form.Periodicity.ANNUAL, t("Benchmark"), null,
                List.of(OrganisationKind.GENERAL_SECONDARY_SCHOOL),
                new FormDefinition(List.of(new FormDefinition.Section("S", t("S"), fields)), List.of()));
        LocalDate today = LocalDate.now(Almaty.ZONE);
        var period = new NewPeriod("2026", today.minusMonths(1), today, new Period.Deadlines(today.plusDays(1),
                today.plusDays(10), today.plusDays(20), today.plusDays(30)));
        // 20 regions, 230 districts, the schools spread over them (ids far above any real organisation)
        List<String> districts = new ArrayList<>();
        for (int d = 0; d < 230; d++) {
            String region = REGIONS.get(d % REGIONS.size());
            districts.add(region.substring(0, 2) + "%02d".formatted(20 + d / REGIONS.size()) + "00000");
        }
        Iterator<CollectionBulkWriter.BulkSubmission> rows = new Iterator<>() {
            int next;

            public boolean hasNext() {
                return next < schools;
            }

            public CollectionBulkWriter.BulkSubmission next() {
                int i = next++;
                String district = districts.get(i % districts.size());
                var numbers = new HashMap<String, BigDecimal>();
                for (int f = 1; f <= 200; f++) numbers.put("f%03d".formatted(f), BigDecimal.valueOf((i + f) % 97));
                return new CollectionBulkWriter.BulkSubmission(50_000_000L + i, district.substring(0, 4) + "33101",
                        SubmissionStatus.ACCEPTED, 1, java.time.Instant.now(), false, 0, 0, null, numbers, Map.of());
            }
        };
        long t0 = System.nanoTime();
        var written = writer.write(owner, form, period, rows);
        System.out.printf("BENCH load: %d submissions, %d values in %d ms%n", written.submissions(), written.values(),
                (System.nanoTime() - t0) / 1_000_000);
        long periodId = written.periodId();

        if (Boolean.getBoolean("bilim.collection.explain")) explain(periodId, districts.get(0));
        // EIS-6: every officer signs their territory's consolidation with a personal key (issued beforehand)
        TestPki pki = TestPki.load(keys.testPkiFolder().orElseThrow(), "bilim-test".toCharArray());
        var registry = new kz.bilim.organisation.RegistryFixture(owner, YearMonth.of(2014, 8), 14000);
        Map<String, Officer> officers = new HashMap<>();
        for (String kato : districts) officers.put(kato, officer(pki, registry, kato, TestUsers::districtUser));
        for (String kato : REGIONS) officers.put(kato, officer(pki, registry, kato, TestUsers::regionUser));
        officers.put(Level.NATIONAL, officer(pki, registry, Level.NATIONAL, (k, iin) -> TestUsers.ministryUser(iin)));
        // EIS-6 on the deadline day: the officers of different territories act at the same time (each their own
        // steps in order): four at a time; -Dbilim.collection.officers=1 runs them one after another
        int parallel = Integer.getInteger("bilim.collection.officers", 4);
        var pool = Executors.newFixedThreadPool(parallel);
        var signing = new java.util.concurrent.atomic.AtomicLongArray(3); // signing (the client's), reading, submitting
        var consolidating = new java.util.concurrent.atomic.AtomicLong();
        var counted = new java.util.concurrent.atomic.AtomicReference<RoundTrips>();
        var countedFrom = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();
        var steps = new ArrayList<java.util.concurrent.Future<?>>();
        for (String district : districts) {
            // the last ten districts' steps are counted, on their own threads (the driver's trace: a few ms a step)
            boolean count = districts.indexOf(district) >= districts.size() - 10;
            steps.add(pool.submit(() -> {
                var officer = officers.get(district);
                var trips = count ? RoundTrips.openHere() : null;
                long c = System.nanoTime();
                long id = as(officer.user(), () -> collection.consolidate(periodId).orElseThrow().id());
                consolidating.addAndGet(System.nanoTime() - c);
                submitSigned(officer, id, signing);
                if (trips != null) {
                    trips.close();
                    countedFrom.addAndGet(System.nanoTime() - c);
                    counted.accumulateAndGet(trips, (a, b) -> a == null ? b : a.plus(b));
                }
                return null;
            }));
        }
        for (var step : steps) step.get();
        System.out.printf("BENCH districts (%d officers at a time): consolidating %.2f s, reading the bytes to sign %.2f s, "
                        + "signing %.2f s, submitting signed %.2f s (each in all, over the officers)%n", parallel,
                consolidating.get() / 1e9, signing.get(1) / 1e9, signing.get(0) / 1e9, signing.get(2) / 1e9);
        System.out.printf("BENCH the last ten districts: %.2f ms each, with the officers' signing%n",
                countedFrom.get() / 1e7);
        print("one district's consolidate, read the bytes, submit signed", counted.get(), 10);
        long districtsDone = System.nanoTime();
        var regionSteps = new ArrayList<java.util.concurrent.Future<Long>>();
        for (String region : REGIONS) {
            regionSteps.add(pool.submit(() -> {
                var officer = officers.get(region);
                var mine = as(officer.user(), () -> collection.submissions(new DataCollection.Filter(periodId,
                        Level.DISTRICT, SubmissionStatus.SUBMITTED, null, null), 0, 200).items());
                for (var s : mine) as(officer.user(), () -> collection.accept(s.id()).orElseThrow());
                long id = as(officer.user(), () -> collection.consolidate(periodId).orElseThrow().id());
                submitSigned(officer, id, signing);
                return id;
            }));
        }
        var regionRows = new ArrayList<Long>();
        for (var step : regionSteps) regionRows.add(step.get());
        pool.shutdown();
        long regionsDone = System.nanoTime();
        var ministry = officers.get(Level.NATIONAL).user();
        for (long id : regionRows) as(ministry, () -> collection.accept(id).orElseThrow());
        var national = as(ministry, () -> collection.consolidate(periodId).orElseThrow());
        long end = System.nanoTime();
        System.out.printf("BENCH national consolidation of %d schools × 200 fields: %.2f s without the officers' signing "
                        + "(%.2f s with it; districts %.2f s, regions %.2f s, ministry %.2f s)%n",
                schools, (end - start - signing.get(0) / parallel) / 1e9, (end - start) / 1e9, (districtsDone - start) / 1e9,
                (regionsDone - districtsDone) / 1e9, (end - regionsDone) / 1e9);
        assertThat(national.values()).hasSize(200);
        yardstick();
        writer.remove(owner, 49_999_999L, 50_000_000L + schools);
    }

    record Officer(BilimUser user, SigningKey key) {
    }

    static Officer officer(TestPki pki, kz.bilim.organisation.RegistryFixture registry, String kato,
                           java.util.function.BiFunction<String, String, BilimUser> user) {
        Iin iin = registry.nextIin(LocalDate.of(1979, 5, 5), Sex.FEMALE);
        return new Officer(user.apply(kato, iin.value()),
                pki.issue(PkiIdentity.person("officer." + kato, "Бақылаушы", "Әлия", null, iin)));
    }

    /** EIS-6: the officer reads the bytes, signs them (the client's work, timed apart) and submits up. */
    void submitSigned(Officer officer, long id, java.util.concurrent.atomic.AtomicLongArray signing) {
        long r = System.nanoTime();
        byte[] content = as(officer.user(), () -> collection.content(id).orElseThrow());
        long t = System.nanoTime();
        byte[] signature = signatures.sign(content, officer.key());
        long s = System.nanoTime();
        as(officer.user(), () -> collection.submit(id, signature).orElseThrow());
        signing.addAndGet(0, s - t);
        signing.addAndGet(1, t - r);
        signing.addAndGet(2, System.nanoTime() - s);
    }

    @Test
    @DisplayName("EIS-5 benchmark: a deadline-day burst of signed submissions over HTTP")
    void signedBurst() throws Exception {
        int schools = 40;
        int periods = 15;
        var registry = new kz.bilim.organisation.RegistryFixture(owner, YearMonth.of(2014, 7), 13000);
        String settlement = registry.districtWithSettlement("479500000", false);
        TestPki pki = TestPki.load(keys.testPkiFolder().orElseThrow(), "bilim-test".toCharArray());
        var jdbc = JdbcClient.create(owner);
        List<Long> orgs = new ArrayList<>();
        Map<Long, String> tokens = new HashMap<>();
        Map<Long, SigningKey> heads = new HashMap<>();
        for (int i = 0; i < schools; i++) {
            long org = registry.organisation(settlement, "Бенч" + i, "GENERAL_SECONDARY_SCHOOL", 1, "kk");
            orgs.add(org);
            access.organisationAdmin("bench.head." + i, org, settlement);
            tokens.put(org, access.token(access.login("bench.head." + i), "bench"));
            String bin = jdbc.sql("select bin from organisation where id = ?").param(org).query(String.class).single();
            Iin iin = registry.nextIin(LocalDate.of(1970, 1, 1), Sex.MALE);
            heads.put(org, pki.issue(PkiIdentity.employee("bench" + i, "Бас", "Шы", null, iin, new Bin(bin), "Мектеп")));
        }
        var ministry = TestUsers.ministryUser();
        var fields = List.of(
                new FormDefinition.Field("computers", FormDefinition.FieldType.NUMBER, t("Computers"), true, BigDecimal.ZERO, null, true, null, null, null, null, null),
                new FormDefinition.Field("internet", FormDefinition.FieldType.NUMBER, t("Internet"), true, BigDecimal.ZERO, null, true, null, null, null, null, null));
        // the prepared submissions: filled, their content signed by the head beforehand (the client's work)
        record Prepared(long submission, String token, String body) {
        }
        List<Prepared> prepared = new ArrayList<>();
        for (int p = 0; p < periods; p++) {
            int n = p;
            long periodId = as(ministry, () -> collection.request(new AdditionalRequest(new NewForm("BENCH-BURST-" + n, 2026,
                    null, null, t("Burst"), null, List.of(OrganisationKind.GENERAL_SECONDARY_SCHOOL),
                    new FormDefinition(List.of(new FormDefinition.Section("S", t("S"), fields)),
                            List.of(new FormDefinition.Rule("r", "internet", FormDefinition.Comparison.LE, "computers", null)))),
                    LocalDate.now(Almaty.ZONE).plusDays(3), orgs)).orElseThrow().id());
            for (long org : orgs) {
                long submission = jdbc.sql("select id from collection_submission where period_id = ? and organisation_id = ?")
                        .param(periodId).param(org).query(Long.class).single();
                var head = TestUsers.organisationAdminUser(org, settlement);
                byte[] content = as(head, () -> {
                    collection.fill(submission, Map.of("computers", BigDecimal.valueOf(30), "internet", BigDecimal.valueOf(20)),
                            Map.of()).orElseThrow();
                    return collection.content(submission).orElseThrow();
                });
                String signature = Base64.getEncoder().encodeToString(signatures.sign(content, heads.get(org)));
                prepared.add(new Prepared(submission, tokens.get(org), "{\"signature\": \"" + signature + "\"}"));
            }
        }
        Collections.shuffle(prepared, new java.util.Random(12));
        // ten left out of the burst, for the count of statements and round trips of one submission
        var sample = new ArrayList<>(prepared.subList(prepared.size() - 10, prepared.size()));
        prepared.subList(prepared.size() - 10, prepared.size()).clear();
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int warmup = 100;
        var latencies = new ConcurrentLinkedQueue<Long>();
        var failures = new ConcurrentLinkedQueue<Integer>();
        var pool = Executors.newFixedThreadPool(8);
        long start = 0;
        for (int i = 0; i < prepared.size(); i++) {
            if (i == warmup) {
                pool.shutdown();
                pool.awaitTermination(2, TimeUnit.MINUTES);
                latencies.clear();
                pool = Executors.newFixedThreadPool(8);
                start = System.nanoTime();
            }
            var item = prepared.get(i);
            pool.submit(() -> {
                long t = System.nanoTime();
                int code = post(client, item.submission(), item.token(), item.body());
                if (code != 200) failures.add(code);
                latencies.add(System.nanoTime() - t);
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        var sorted = latencies.stream().sorted().toList();
        int n = sorted.size();
        System.out.printf("BENCH burst: %d signed submissions over HTTP (8 clients) in %.2f s = %.0f/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; failures %s%n",
                n, seconds, n / seconds, sorted.get(n / 2) / 1e6, sorted.get((int) (n * 0.95)) / 1e6,
                sorted.get((int) (n * 0.99)) / 1e6, failures);
        assertThat(failures).isEmpty();
        try (var counted = RoundTrips.open()) {
            for (var item : sample) assertThat(post(client, item.submission(), item.token(), item.body())).isEqualTo(200);
            print("one signed submission over HTTP", counted, sample.size());
        }
        yardstick();
    }

    /** EIS-5: one signed submission over HTTP, as the head's client posts it; the status code (-1: no answer). */
    int post(HttpClient client, long submission, String token, String body) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/api/v1/collection/submissions/" + submission + "/submission"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static void print(String what, RoundTrips counted, int times) {
        long waited = counted.byStatement().keySet().stream().mapToLong(counted::nanos).sum();
        System.out.printf("BENCH count, %s: %.1f statements in %.1f round trips, waited for %.2f ms%n", what,
                counted.statements() / (double) times, counted.roundTrips() / (double) times, waited / 1e6 / times);
        counted.byStatement().forEach((statement, n) -> System.out.printf("BENCH   %5.1f × %6.2f ms  %s%n",
                n / (double) times, counted.nanos(statement) / 1e6 / n, statement));
    }

    /** The plan of one district's consolidation, as the application's role under the district's scope. */
    void explain(long periodId, String district) throws Exception {
        try (var connection = owner.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local role bilim_app");
            statement.execute("set local bilim.scope = 'KATO:" + district.substring(0, 4) + "'");
            statement.execute("set local bilim.pii = 'on'");
            var rs = statement.executeQuery("""
                    explain (analyze, buffers)
                    select v.field_code, v.row_code, sum(v.number_value)
                      from collection_submission s
                      join collection_value v on v.submission_id = s.id
                     where s.period_id = %d and s.addressee_kato = '%s' and s.status = 'ACCEPTED'
                       and v.number_value is not null
                     group by v.field_code, v.row_code""".formatted(periodId, district));
            while (rs.next()) System.out.println("BENCH plan " + rs.getString(1));
            connection.rollback();
        }
    }

    /** ../shared/tools/pg-yardstick.sh on the same database, in the same minute, for the ratio. */
    void yardstick() throws Exception {
        var script = java.nio.file.Path.of("..", "shared", "tools", "pg-yardstick.sh");
        if (!java.nio.file.Files.exists(script)) return;
        String url;
        try (var connection = owner.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        var matcher = java.util.regex.Pattern.compile("//([^:/]+):(\\d+)/").matcher(url);
        if (!matcher.find()) return;
        var process = new ProcessBuilder("bash", script.toString(), "-h", matcher.group(1), "-p", matcher.group(2), "-U",
                "postgres").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        System.out.println("BENCH yardstick:\n" + output);
    }
}
