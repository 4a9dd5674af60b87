package kz.bilim;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The skeleton of the load benchmarks that start the whole application on the test classpath
 * (scripts/lib/run-test-main.sh): a benchmark runs only when its setting ({@code bilim.<module>.benchmark=<size>})
 * is given, measures, prints, runs {@code ../shared/tools/pg-yardstick.sh} on the same database when its path is
 * given, and exits the JVM with 0, or 1 after printing what failed. The helpers print the machine, latency
 * percentiles, load average and the process's CPU time (the client shares the JVM: compare with the wall time).
 */
public abstract class BenchmarkRunner implements ApplicationRunner {

    private final String setting;
    private final String yardstick;
    protected final ConfigurableApplicationContext context;

    protected BenchmarkRunner(String setting, String yardstick, ConfigurableApplicationContext context) {
        this.setting = setting == null ? "" : setting;
        this.yardstick = yardstick == null ? "" : yardstick;
        this.context = context;
    }

    /** The benchmark itself: {@code size} is the number given in its setting. */
    protected abstract void measure(int size) throws Exception;

    @Override
    public final void run(ApplicationArguments args) {
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

    protected int httpPort() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    protected static void machine(String title, String more) {
        out("=== %s ===", title);
        out("machine: %d cores, load average %s, JVM max heap %,d MB%s", Runtime.getRuntime().availableProcessors(),
                loadAverage(), Runtime.getRuntime().maxMemory() >> 20, more == null ? "" : ", " + more);
    }

    /** pg-yardstick.sh on the database behind {@code owner}, if its path was given and it is there. */
    protected void yardstick(JdbcClient owner) throws Exception {
        if (yardstick.isBlank() || !Files.isRegularFile(Path.of(yardstick))) return;
        String port = owner.sql("select current_setting('port')").query(String.class).single();
        out("--- pg-yardstick.sh on the same database (port %s) ---", port);
        var process = new ProcessBuilder("bash", yardstick, "-h", "localhost", "-p", port, "-U", "postgres")
                .redirectErrorStream(true).start();
        System.out.print(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        process.waitFor();
    }

    /** A live API token for {@code user} (kato and organisation as the token's scope), the secret returned. */
    protected static String token(JdbcClient owner, long user, String kato, Long organisation) throws Exception {
        String secret = "blm_benchmark_" + user + "_" + Long.toHexString(System.nanoTime());
        owner.sql("""
                insert into api_token (user_id, name, token_hash, kato, organisation_id, expires_at)
                values (:user, 'benchmark', :hash, :kato, :org, now() + interval '1 day')
                """).param("user", user).param("hash", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8)))).param("kato", kato == null ? "" : kato)
                .param("org", organisation).update();
        return secret;
    }

    public static String percentiles(List<Double> ms) {
        var sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%d requests, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                sorted.size(), at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    protected static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    /** CPU seconds this JVM (server and client threads together) has used so far. */
    public static double processCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime() / 1e9;
        return Double.NaN;
    }

    /**
     * CPU seconds this JVM's live threads have used so far, by kind (Linux {@code /proc/self/task}): {@code jit} (the
     * C1/C2 compiler threads), {@code gc} (the collector's threads), {@code work} (all others) — so that a short run
     * can tell the JIT's warming from the cost of a request. Threads that ended meanwhile are not counted.
     */
    public static java.util.Map<String, Double> threadCpuSeconds() {
        var kinds = new java.util.TreeMap<String, Double>(java.util.Map.of("jit", 0.0, "gc", 0.0, "work", 0.0));
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                try {
                    String line = Files.readString(task.resolve("stat"));
                    String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                    String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    String kind = name.contains("CompilerThre") ? "jit"
                            : name.startsWith("GC Thread") || name.startsWith("G1 ") ? "gc" : "work";
                    kinds.merge(kind, cpu, Double::sum);
                } catch (Exception gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (Exception e) {
            return java.util.Map.of();
        }
        return kinds;
    }

    /** "of it JIT 1.2 ms, GC 0.1 ms" per item between two {@link #threadCpuSeconds()} readings. */
    public static String jitAndGc(java.util.Map<String, Double> before, java.util.Map<String, Double> after, int items) {
        if (before.isEmpty() || after.isEmpty()) return "";
        return String.format(Locale.ROOT, " (of it JIT compiler %.2f ms, GC %.2f ms)",
                (after.get("jit") - before.get("jit")) * 1000 / items, (after.get("gc") - before.get("gc")) * 1000 / items);
    }

    /**
     * CPU seconds used so far by the PostgreSQL cluster behind {@code owner} (Linux {@code /proc}): the postmaster with
     * its exited children, and every live child (backends, writer, WAL) — NaN where {@code /proc} cannot tell.
     */
    protected static double databaseCpuSeconds(JdbcClient owner) {
        try {
            long backend = owner.sql("select pg_backend_pid()").query(Long.class).single();
            long postmaster = Long.parseLong(stat(backend)[1]);
            String[] main = stat(postmaster);
            long ticks = Long.parseLong(main[11]) + Long.parseLong(main[12]) + Long.parseLong(main[13])
                    + Long.parseLong(main[14]);
            try (var processes = Files.list(Path.of("/proc"))) {
                for (var dir : processes.filter(d -> d.getFileName().toString().matches("[0-9]+")).toList()) {
                    try {
                        String[] child = stat(Long.parseLong(dir.getFileName().toString()));
                        if (Long.parseLong(child[1]) == postmaster)
                            ticks += Long.parseLong(child[11]) + Long.parseLong(child[12]);
                    } catch (Exception gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks / 100.0; // USER_HZ: 100 on Linux
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime. */
    private static String[] stat(long pid) throws Exception {
        String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return line.substring(line.lastIndexOf(')') + 2).split(" ");
    }

    /**
     * CPU seconds used so far by the live client threads: those named {@code bench-…} (the runner's own) and the JDK
     * HTTP client's ({@code HttpClient-…}); give the client an executor of {@code bench-} threads to count its work.
     */
    protected static double clientCpuSeconds() {
        var threads = ManagementFactory.getThreadMXBean();
        double total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) continue;
            String name = info.getThreadName();
            if (!name.startsWith("bench-") && !name.startsWith("HttpClient-")) continue;
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) total += cpu / 1e9;
        }
        return total;
    }

    public static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    public static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
