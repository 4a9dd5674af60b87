package kz.bilim.transfer.internal;

import kz.bilim.BenchmarkRunner;
import tools.jackson.databind.json.JsonMapper;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator of issue 11 in a JVM of its own (started by {@link TransferBenchmark}), so that the server's CPU
 * and the client's are counted apart, as two processes: reads the plan (applications prepared and signed beforehand,
 * tokens, classes), submits them over HTTP at a fixed concurrency (the first {@code warm} not counted), then accepts
 * {@code decisions} of them. Prints the percentiles and its own CPU time; the lines {@code @submit-start},
 * {@code @submit-end}, {@code @accept-start}, {@code @accept-end} tell the server when to read its CPU clock.
 */
public final class TransferLoadClient {

    /** What the server prepared: every body already signed; school is the index into heads and classes. */
    record Plan(String base, int threads, int warm, int decisions, String applicantToken, List<String> heads,
                List<Long> classes, List<Application> applications) {
    }

    record Application(String body, int school) {
    }

    record Submitted(long id, int school) {
    }

    interface Task {
        double run(int i) throws Exception;
    }

    private final Plan plan;
    private final ExecutorService threads;

    private TransferLoadClient(Plan plan) {
        this.plan = plan;
        var count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(plan.threads() + 2, r -> {
            var t = new Thread(r, "load-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public static void main(String[] args) throws Exception {
        var plan = JsonMapper.builder().build().readValue(Path.of(args[0]).toFile(), Plan.class);
        new TransferLoadClient(plan).run();
    }

    private void run() throws Exception {
        var submitted = new ConcurrentLinkedQueue<Submitted>();
        int warm = plan.warm();
        int n = plan.applications().size();
        parallel(warm, i -> submit(plan.applications().get(i), submitted));
        mark("@submit-start");
        double cpu0 = BenchmarkRunner.processCpuSeconds();
        var threads0 = BenchmarkRunner.threadCpuSeconds();
        long t0 = System.nanoTime();
        var latencies = parallel(n - warm, i -> submit(plan.applications().get(warm + i), submitted));
        double seconds = BenchmarkRunner.seconds(t0);
        double cpu = BenchmarkRunner.processCpuSeconds() - cpu0;
        var threads1 = BenchmarkRunner.threadCpuSeconds();
        mark("@submit-end");
        BenchmarkRunner.out("SUBMIT (signed, verified, registered): %,d in %.2f s = %.0f applications/s; %s",
                latencies.size(), seconds, latencies.size() / seconds, BenchmarkRunner.percentiles(latencies));
        BenchmarkRunner.out("  client JVM (separate process) CPU %.1f s = %.2f ms per application%s", cpu,
                cpu * 1000 / latencies.size(), BenchmarkRunner.jitAndGc(threads0, threads1, latencies.size()));

        List<Submitted> ids = new ArrayList<>(submitted);
        int toDecide = Math.min(plan.decisions(), ids.size());
        if (toDecide > 0) {
            mark("@accept-start");
            long t1 = System.nanoTime();
            var decided = parallel(toDecide, i -> {
                var s = ids.get(i);
                long start = System.nanoTime();
                var answer = send(plan.base() + "/" + s.id() + "/accept", plan.heads().get(s.school()),
                        "{\"classId\": " + plan.classes().get(s.school()) + "}", false);
                if (answer.statusCode() != 200) throw new IllegalStateException(answer.statusCode() + " " + answer.body());
                return (System.nanoTime() - start) / 1e6;
            });
            double decideSeconds = BenchmarkRunner.seconds(t1);
            mark("@accept-end");
            BenchmarkRunner.out("ACCEPT (enrolment moved, notice PDF rendered and signed): %,d in %.2f s = %.0f decisions/s; %s",
                    decided.size(), decideSeconds, decided.size() / decideSeconds, BenchmarkRunner.percentiles(decided));
        }
    }

    private double submit(Application a, ConcurrentLinkedQueue<Submitted> submitted) throws Exception {
        long start = System.nanoTime();
        // the portal needs only where its application is: the 201 with its Location, no body (Prefer: return=minimal)
        var answer = send(plan.base(), plan.applicantToken(), a.body(), true);
        double ms = (System.nanoTime() - start) / 1e6;
        if (answer.statusCode() != 201 || answer.location() == null)
            throw new IllegalStateException(answer.statusCode() + " " + answer.body());
        String location = answer.location();
        submitted.add(new Submitted(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)), a.school()));
        return ms;
    }

    /** Runs n tasks at the plan's concurrency, each taking the next index; the latencies in ms. */
    private List<Double> parallel(int n, Task task) throws Exception {
        var next = new AtomicInteger();
        var latencies = new ConcurrentLinkedQueue<Double>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < plan.threads(); t++)
            futures.add(threads.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) latencies.add(task.run(i));
                return null;
            }));
        for (var f : futures) f.get();
        return new ArrayList<>(latencies);
    }

    record Answer(int statusCode, String body, String location) {
    }

    /**
     * One POST on a kept-alive connection of the JDK's plain HttpURLConnection: blocking, one thread per request in
     * flight, and about half the CPU per request of java.net.http's asynchronous client (measured: 1.6 ms per
     * submission) — the generator shares the 2 cores with the server.
     */
    private Answer send(String uri, String token, String body, boolean minimal) throws Exception {
        var connection = (HttpURLConnection) URI.create(uri).toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(60_000);
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Accept-Language", "en");
        if (minimal) connection.setRequestProperty("Prefer", "return=minimal");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        connection.setFixedLengthStreamingMode(bytes.length);
        try (var out = connection.getOutputStream()) {
            out.write(bytes);
        }
        int status = connection.getResponseCode();
        var in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        // read to the end and close (not disconnect): the connection goes back to the keep-alive cache
        String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (in != null) in.close();
        return new Answer(status, answer, connection.getHeaderField("Location"));
    }

    private static void mark(String phase) {
        System.out.println(phase);
        System.out.flush();
    }
}
