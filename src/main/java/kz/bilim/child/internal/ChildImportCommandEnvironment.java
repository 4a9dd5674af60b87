package kz.bilim.child.internal;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/**
 * {@code java -jar bilim.jar import-children …} ({@link ChildImportCommand}) runs the application as a command: no
 * web server, no demo load, quiet logs. When the embedded database's data folder is held by a running Bilim, the
 * command connects to that server instead of starting its own — starting one would stop the running application's
 * database. Registered in META-INF/spring.factories.
 */
class ChildImportCommandEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String words = environment.getProperty("nonOptionArgs", "");
        if (!List.of(words.split(",")).contains(ChildImportCommand.NAME)) return;
        var settings = new HashMap<String, Object>();
        settings.put("spring.main.web-application-type", "none");
        settings.put("spring.main.log-startup-info", "false");
        settings.put("bilim.demo.load-on-start", "none");
        settings.put("logging.level.root", "warn");
        String url = environment.getProperty("bilim.db.url", "");
        String dataDir = environment.getProperty("bilim.db.embedded-data-dir", "");
        if (url.isBlank() && !dataDir.isBlank()) {
            Integer port = runningServerPort(Path.of(dataDir));
            if (port != null) {
                settings.put("bilim.db.url", "jdbc:postgresql://localhost:" + port + "/postgres");
                settings.put("bilim.db.user", "postgres");
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource("bilim-import-children", settings));
    }

    /** The port of a live PostgreSQL holding the data folder (postmaster.pid: pid on line 1, port on line 4), or null. */
    static Integer runningServerPort(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) return null;
        try {
            var lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) return null;
            long pid = Long.parseLong(lines.get(0).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                return Integer.parseInt(lines.get(3).trim());
        } catch (IOException | NumberFormatException e) {
            // unreadable: the normal start judges it
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
