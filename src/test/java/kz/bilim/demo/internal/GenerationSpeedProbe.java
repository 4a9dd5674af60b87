package kz.bilim.demo.internal;

import kz.bilim.demo.DemoScale;

import java.util.concurrent.atomic.AtomicLong;

/** Not a test: {@code java ... GenerationSpeedProbe} prints how fast the national streams are generated. */
class GenerationSpeedProbe {
    public static void main(String[] args) throws Exception {
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            Plan plan = Planner.plan(DemoScale.NATIONAL, 20261123L, Plan.Ids.EMPTY);
            long t1 = System.nanoTime();
            long[] bytes = new long[1];
            var out = new CopyBinary((b, o, l) -> bytes[0] += l);
            Rows.persons(plan, out, new AtomicLong(), 0, 1);
            out.close();
            long t2 = System.nanoTime();
            var out2 = new CopyBinary((b, o, l) -> bytes[0] += l);
            Rows.enrolments(plan, out2, new AtomicLong());
            out2.close();
            long t3 = System.nanoTime();
            System.out.printf("plan %.2f s, persons %.2f s, enrolments %.2f s, %,d MB%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    (t3 - t2) / 1e9, bytes[0] >> 20);
        }
    }
}
