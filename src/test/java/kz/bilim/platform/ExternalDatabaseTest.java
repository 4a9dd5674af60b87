package kz.bilim.platform;

import kz.bilim.BilimApplication;
import kz.bilim.BilimTest;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BILIM_DB_URL / BILIM_DB_USER / BILIM_DB_PASSWORD point the application at an existing PostgreSQL. Here that
 * "existing" server is the test JVM's embedded one, with a database the application has never seen.
 */
@BilimTest
class ExternalDatabaseTest {

    @Autowired
    OwnerDataSource owner;

    @Test
    @DisplayName("with bilim.db.url set the application migrates and uses that database, as role bilim_app")
    void runsOnAnExternalDatabase() throws Exception {
        String url;
        String user;
        try (var connection = owner.getConnection()) {
            url = connection.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/external_check$1");
            user = connection.getMetaData().getUserName();
        }
        var admin = JdbcClient.create(owner);
        admin.sql("drop database if exists external_check with (force)").update();
        admin.sql("create database external_check").update();
        // as arguments: builder properties are defaults, which application.yml's ${BILIM_DB_URL:} would override
        try (var context = new SpringApplicationBuilder(BilimApplication.class)
                .run("--bilim.db.url=" + url, "--bilim.db.user=" + user, "--bilim.db.password=",
                        "--bilim.demo.load-on-start=none", "--server.port=0")) {
            var jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("external_check");
            assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("bilim_app");
            assertThat(jdbc.sql("select count(*) from territory where level = 1").query(Long.class).single())
                    .isEqualTo(20);
        } finally {
            admin.sql("drop database if exists external_check with (force)").update();
        }
    }
}
