package kz.bilim.demo.internal;

import kz.bilim.demo.DemoScale;
import org.postgresql.PGConnection;

import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicLong;

/** Not a test: copies the national persons into the table named by args[0] of the scratch database on port args[1]. */
class CopyProbe {
    public static void main(String[] args) throws Exception {
        Plan plan = Planner.plan(DemoScale.NATIONAL, 20261123L, Plan.Ids.EMPTY);
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:" + args[1] + "/postgres", "postgres", "")) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) { st.execute("truncate " + args[0]); }
            long t = System.nanoTime();
            var copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    Table.PERSON.copySql().replace("copy person", "copy " + args[0]).replace("(format binary)", "(format binary, freeze)"));
            var out = new CopyBinary(copy::writeToCopy);
            Rows.persons(plan, out, new AtomicLong(), 0, 1);
            out.close();
            copy.endCopy();
            c.commit();
            System.out.printf("%s: %.1f s%n", args[0], (System.nanoTime() - t) / 1e9);
        }
    }
}
