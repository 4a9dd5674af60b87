package kz.bilim.collection;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The benchmark's count of what the application sends PostgreSQL while {@link #open()} is held: the statements it
 * executes (by their text, from the application's pool, {@link Config}), the connection checkouts (each stamps the
 * caller's scope: one statement more) and the round trips (each {@code Sync} of the JDBC driver's protocol trace, where
 * it waits for the server). The trace costs, so it is never on during a timed part; the pool's wrapper only looks at a
 * volatile field then.
 */
final class RoundTrips implements AutoCloseable {

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate");
    /** Counting every thread's statements (the HTTP burst's sample: one request at a time, on Tomcat's threads). */
    private static volatile RoundTrips everywhere;
    /** Counting one thread's statements (an officer's steps while other officers' run beside them). */
    private static final ThreadLocal<RoundTrips> HERE = new ThreadLocal<>();
    private boolean local;

    private final Map<String, Integer> statements = new LinkedHashMap<>();
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final Level before = DRIVER.getLevel();
    private final boolean parents = DRIVER.getUseParentHandlers();
    private int executed;
    private int syncs;

    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().startsWith(" FE=> Sync") && current() == RoundTrips.this)
                synchronized (RoundTrips.this) {
                    syncs++;
                }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Counts every thread's statements until closed. */
    static RoundTrips open() {
        var trips = new RoundTrips();
        trips.trace();
        everywhere = trips;
        return trips;
    }

    /** Counts this thread's statements until closed (on this thread). */
    static RoundTrips openHere() {
        var trips = new RoundTrips();
        trips.local = true;
        trips.trace();
        HERE.set(trips);
        return trips;
    }

    private void trace() {
        DRIVER.setUseParentHandlers(false); // the trace to this count only, not to the log
        DRIVER.setLevel(Level.FINEST);
        DRIVER.addHandler(handler);
    }

    private static RoundTrips current() {
        var here = HERE.get();
        return here != null ? here : everywhere;
    }

    private synchronized void executed(String sql, long took) {
        executed++;
        String text = sql.replaceAll("\\s+", " ").strip();
        String key = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        statements.merge(key, 1, Integer::sum);
        nanos.merge(key, took, Long::sum);
    }

    synchronized int statements() {
        return executed;
    }

    synchronized int roundTrips() {
        return syncs;
    }

    /** Both counts together (one officer's and another's). */
    RoundTrips plus(RoundTrips other) {
        var sum = new RoundTrips();
        for (var trips : List.of(this, other))
            synchronized (trips) {
                trips.statements.forEach((k, v) -> sum.statements.merge(k, v, Integer::sum));
                trips.nanos.forEach((k, v) -> sum.nanos.merge(k, v, Long::sum));
                sum.executed += trips.executed;
                sum.syncs += trips.syncs;
            }
        return sum;
    }

    /** Each statement sent (its first 100 characters) with how often. */
    synchronized Map<String, Integer> byStatement() {
        return new LinkedHashMap<>(statements);
    }

    /** The time the application waited for a statement (its first 100 characters), in all. */
    synchronized long nanos(String statement) {
        return nanos.getOrDefault(statement, 0L);
    }

    @Override
    public void close() {
        if (local) HERE.remove();
        else everywhere = null;
        DRIVER.removeHandler(handler);
        DRIVER.setLevel(before);
        DRIVER.setUseParentHandlers(parents);
    }

    /** Wraps the application's pool so that {@link RoundTrips} sees each statement's text. */
    @TestConfiguration
    static class Config {

        @Bean
        static BeanPostProcessor countingPool() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return name.equals("dataSource") && bean instanceof DataSource pool ? new Counting(pool) : bean;
                }
            };
        }
    }

    private static final class Counting extends DelegatingDataSource implements AutoCloseable {

        Counting(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            var trips = current();
            long start = System.nanoTime();
            Connection connection = super.getConnection();
            if (trips != null) trips.executed("(checkout: the scope's set_config)", System.nanoTime() - start);
            return counted(connection);
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable closeable) closeable.close();
        }

        private static Connection counted(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        long start = System.nanoTime();
                        Object result = invoke(connection, method, args);
                        if (result instanceof Statement statement && (method.getName().startsWith("prepare")
                                || method.getName().equals("createStatement"))) {
                            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                            return statement(statement, sql, method.getReturnType());
                        }
                        if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                            var trips = current();
                            if (trips != null) trips.executed(method.getName(), System.nanoTime() - start);
                        }
                        return result;
                    });
        }

        private static Object statement(Statement statement, String prepared, Class<?> type) {
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
                var trips = current();
                if (trips == null || !EXECUTIONS.contains(method.getName())) return invoke(statement, method, args);
                long start = System.nanoTime();
                Object result = invoke(statement, method, args);
                trips.executed(prepared != null ? prepared
                        : args != null && args.length > 0 && args[0] instanceof String s ? s : "?", System.nanoTime() - start);
                return result;
            });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
