package kz.bilim.statistics.internal;

import kz.bilim.access.AnalystRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SC-1, SC-3: the register of the Committee's responsible persons tells the access module who may be an analyst. */
@Component
class AnalystRegistry implements AnalystRegister {

    private final JdbcClient jdbc;

    AnalystRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean registered(String username) {
        return username != null && jdbc.sql("""
                        select exists (select 1 from stat_responsible_person where username = :u and removed_on is null)""")
                .param("u", username.trim().toLowerCase()).query(Boolean.class).single();
    }
}
