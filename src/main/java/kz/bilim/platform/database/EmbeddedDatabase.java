package kz.bilim.platform.database;

import kz.bilim.kernel.Almaty;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded PostgreSQL 15 per JVM. Test JVMs build several Spring contexts; they all share this one server,
 * started on a fresh temporary folder, so a test run needs nothing but a JDK and leaves nothing behind.
 */
final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    /**
     * The server's settings. The library's defaults turn fsync, synchronous commit and full-page writes off — right for
     * a test database thrown away after the run, wrong for the data a newcomer keeps: a kept data folder gets them on,
     * so a power cut loses no committed change.
     */
    static java.util.Map<String, String> serverConfig(boolean persistent) {
        var config = new java.util.LinkedHashMap<String, String>();
        config.put("max_connections", "100");
        config.put("shared_buffers", "256MB");
        config.put("work_mem", "64MB");
        // a session's temporary tables (the child merge's staging: a national file is ~1 GB) live in this much of
        // its own memory, taken only as used; the default 8 MB writes them out and reads them back page by page
        config.put("temp_buffers", "1GB");
        config.put("maintenance_work_mem", "512MB");
        config.put("max_wal_size", "4GB");
        config.put("jit", "off");
        config.put("timezone", Almaty.ZONE.getId());
        String durable = persistent ? "on" : "off";
        config.put("fsync", durable);
        config.put("synchronous_commit", durable);
        config.put("full_page_writes", durable);
        // -Dbilim.db.statement-statistics=true (benchmarks): pg_stat_statements counts every statement, so that a
        // benchmark can print how many statements a request costs and which (docs/benchmarks.md)
        if (Boolean.getBoolean("bilim.db.statement-statistics")) {
            config.put("shared_preload_libraries", "pg_stat_statements");
            config.put("pg_stat_statements.track", "all");
        }
        return config;
    }

    /**
     * After a {@code kill -9} of the application its PostgreSQL lives on, holding the data folder. Reusing it
     * unnoticed would run the new application on a server started with another configuration: it is stopped
     * (a clean shutdown, which PostgreSQL completes by itself) before ours starts, and the log says so.
     */
    static void stopOrphan(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true))
                    .ifPresent(orphan -> {
                        log.warn("A PostgreSQL left by an earlier run (pid {}) still holds {}; stopping it first",
                                pid, dataDir);
                        orphan.destroy();
                        try {
                            orphan.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException("The PostgreSQL left by an earlier run (pid " + pid
                                    + ") did not stop; stop it by hand before starting Bilim", e);
                        }
                    });
        } catch (IOException | NumberFormatException | IndexOutOfBoundsException e) {
            log.warn("Unreadable {} ({}); PostgreSQL will judge it itself", pidFile, e.getMessage());
        }
    }

    static synchronized EmbeddedPostgres start(String dataDir, int port) {
        if (server != null) return server;
        try {
            boolean persistent = dataDir != null && !dataDir.isBlank();
            var builder = EmbeddedPostgres.builder();
            serverConfig(persistent).forEach(builder::setServerConfig);
            builder.setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (dataDir != null && !dataDir.isBlank()) {
                Path dir = Path.of(dataDir.replaceFirst("^~", System.getProperty("user.home")));
                Files.createDirectories(dir);
                stopOrphan(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
                log.info("Embedded PostgreSQL keeps its data in {}", dir.toAbsolutePath());
            }
            if (port > 0) builder.setPort(port);
            server = builder.start();
            log.info("Embedded PostgreSQL 15 listens on localhost:{}", server.getPort());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }
}
