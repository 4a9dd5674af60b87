package kz.bilim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@BilimTest
class ApplicationStartsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("the application pool works as bilim_app, a role that row-level security applies to")
    void applicationRoleIsNotSuperuser() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("bilim_app");
        assertThat(jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select current_setting('server_version_num')::int / 10000").query(Integer.class).single())
                .isEqualTo(15);
    }
}
