package kz.bilim.platform.database;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @Test
    @DisplayName("a kept data folder runs durable (fsync, synchronous commit, full-page writes on); a test database does not")
    void durableWhenKept() {
        assertThat(EmbeddedDatabase.serverConfig(true))
                .containsEntry("fsync", "on").containsEntry("synchronous_commit", "on").containsEntry("full_page_writes", "on");
        assertThat(EmbeddedDatabase.serverConfig(false)).containsEntry("fsync", "off").containsEntry("synchronous_commit", "off");
    }

    @Test
    @DisplayName("a server process left on the data folder by a killed run is stopped before a new one starts")
    void orphanStopped(@TempDir Path dir) throws Exception {
        // a stand-in orphan: sleep under the name postgres; and a live process of another name, which is left alone
        Path postgres = Files.copy(Path.of("/bin/sleep"), dir.resolve("postgres"));
        postgres.toFile().setExecutable(true);
        Process orphan = new ProcessBuilder(postgres.toString(), "300").start();
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(dir.resolve("postmaster.pid"), stranger.pid() + "\n" + dir + "\n");
            EmbeddedDatabase.stopOrphan(dir);
            assertThat(stranger.isAlive()).as("a reused pid of another program is not touched").isTrue();
            Files.writeString(dir.resolve("postmaster.pid"), orphan.pid() + "\n" + dir + "\n");
            EmbeddedDatabase.stopOrphan(dir);
            assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            orphan.destroyForcibly();
            stranger.destroyForcibly();
        }
    }
}
