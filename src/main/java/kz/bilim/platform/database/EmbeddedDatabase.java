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

    static synchronized EmbeddedPostgres start(String dataDir, int port) {
        if (server != null) return server;
        try {
            var builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "512MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("jit", "off")
                    .setServerConfig("timezone", Almaty.ZONE.getId())
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (dataDir != null && !dataDir.isBlank()) {
                Path dir = Path.of(dataDir.replaceFirst("^~", System.getProperty("user.home")));
                Files.createDirectories(dir);
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
