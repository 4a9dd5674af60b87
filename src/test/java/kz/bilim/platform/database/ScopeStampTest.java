package kz.bilim.platform.database;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.access.BilimUser;
import kz.bilim.kernel.CurrentScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope stamp of a pooled connection is skipped when the connection already carries exactly the caller's stamp
 * (ScopeConnectionPreparer) — never at the price of a caller running on another caller's scope. One physical
 * connection behind the application's preparer, so that every checkout gets the connection the previous caller used.
 */
@BilimTest
class ScopeStampTest {

    @Autowired
    OwnerDataSource owner;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(BilimUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    /** What the connection handed out carries: scope, personal data, role. */
    private static String carried(PreparingDataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select current_setting('bilim.scope') || ' ' || current_setting('bilim.pii') "
                     + "|| ' ' || current_setting('bilim.role')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    @DisplayName("Scope stamp, row-level security: a second caller never inherits the first's scope on a pooled connection; the same stamp is not sent twice")
    void secondCallerNeverInherits() throws Exception {
        try (Connection physical = owner.getConnection()) {
            try (var s = physical.createStatement()) {
                s.execute("set role bilim_app");
            }
            var stamps = new AtomicInteger();
            // counts the stamps actually sent; passes everything else (unwrap too) to the physical connection
            Connection counted = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && String.valueOf(args[0]).contains("set_config"))
                            stamps.incrementAndGet();
                        try {
                            return method.invoke(physical, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            var pool = new PreparingDataSource(new SingleConnectionDataSource(counted, true),
                    List.of(new ScopeConnectionPreparer()));
            try {
                signIn(TestUsers.districtUser("191000000"));
                assertThat(carried(pool)).isEqualTo("KATO:1910 on DISTRICT_OFFICER");
                signIn(TestUsers.districtUser("751000000"));
                assertThat(carried(pool)).as("the next officer, on the same connection").isEqualTo("KATO:7510 on DISTRICT_OFFICER");
                assertThat(stamps).hasValue(2);
                assertThat(carried(pool)).as("the same caller again: not stamped again").isEqualTo("KATO:7510 on DISTRICT_OFFICER");
                assertThat(stamps).hasValue(2);
                SecurityContextHolder.clearContext();
                assertThat(carried(pool)).as("nobody signed in sees nothing").isEqualTo("NONE off ANONYMOUS");
                assertThat(CurrentScope.asSystem(() -> uncheck(() -> carried(pool)))).isEqualTo("ALL on SYSTEM");
                assertThat(CurrentScope.asSystem(() -> uncheck(() -> carried(pool)))).isEqualTo("ALL on SYSTEM");
                assertThat(stamps).as("two system runs in a row: one stamp").hasValue(4);
                assertThat(carried(pool)).as("after the system runs, nobody is nobody again").isEqualTo("NONE off ANONYMOUS");

                // a scope set for a while is transaction-local: at the end of its transaction the stamp is back
                signIn(TestUsers.districtUser("191000000"));
                try (Connection c = pool.getConnection()) {
                    c.setAutoCommit(false);
                    try (var s = c.createStatement()) {
                        s.execute("select set_config('bilim.scope', 'ALL', true)");
                    }
                    c.commit();
                    c.setAutoCommit(true);
                }
                assertThat(carried(pool)).isEqualTo("KATO:1910 on DISTRICT_OFFICER");

                // a connection handed out inside a transaction (autocommit off) is always stamped, and not remembered
                int before = stamps.get();
                physical.setAutoCommit(false);
                assertThat(carried(pool)).isEqualTo("KATO:1910 on DISTRICT_OFFICER");
                physical.rollback();
                physical.setAutoCommit(true);
                assertThat(stamps.get()).isEqualTo(before + 1);
                signIn(TestUsers.districtUser("751000000"));
                assertThat(carried(pool)).isEqualTo("KATO:7510 on DISTRICT_OFFICER");
            } finally {
                physical.setAutoCommit(true);
                try (var s = physical.createStatement()) {
                    s.execute("reset role; reset bilim.scope; reset bilim.pii; reset bilim.role");
                }
            }
        }
    }

    @Test
    @DisplayName("Scope stamp, row-level security: no code sets the scope settings for a whole session by hand (only the pool's preparer does)")
    void noSessionScopeByHand() throws Exception {
        // set_config('bilim.…', …, false) or a plain "set bilim.…" would outlive the caller on a pooled connection,
        // and the preparer would not stamp it again; "set local" and set_config(…, true) end with the transaction
        var sessionLevel = Pattern.compile("set_config\\('bilim\\.[a-z]+'[^)]*,\\s*false\\)|(?i)\\bset\\s+(session\\s+)?bilim\\.");
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main", "src/test")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")).toList()) {
                    String name = file.getFileName().toString();
                    // the preparer itself, this test, and the audit plan test on an owner connection (not pooled by the preparer)
                    if (name.equals("ScopeConnectionPreparer.java") || name.equals("ScopeStampTest.java")
                            || name.equals("AuditIndexUseTest.java")) continue;
                    if (sessionLevel.matcher(Files.readString(file)).find()) found.add(file.toString());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private static <T> T uncheck(Work<T> work) {
        try {
            return work.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
