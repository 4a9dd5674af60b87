package kz.bilim.demo.internal;

import kz.bilim.platform.database.BulkTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Console progress of a load: every two seconds a bar with rows written, rows per second and the time left, from
 * counters the streams bump every few thousand rows; and the peak heap, sampled alongside.
 */
final class Progress implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("kz.bilim.demo");

    /** Rows written so far, per table (by name). */
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final long expected;
    private final String label;
    private final long started = System.nanoTime();
    private final Thread ticker;
    private final AtomicLong peakHeap = new AtomicLong();
    private volatile boolean running = true;

    Progress(String label, long expected) {
        this.label = label;
        this.expected = Math.max(1, expected);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        ticker = new Thread(this::tick, "demo-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    AtomicLong counter(BulkTable<?> table) {
        return counters.computeIfAbsent(table.name(), name -> new AtomicLong());
    }

    long rows() {
        return counters.values().stream().mapToLong(AtomicLong::get).sum();
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** The largest heap in use seen during the load (sum of the heap pools' peaks — an upper bound). */
    long peakHeapBytes() {
        long pools = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP) pools += pool.getPeakUsage().getUsed();
        return Math.max(pools, peakHeap.get());
    }

    void line(String message) {
        log.info("demo {}: {}", label, message);
    }

    private void tick() {
        long lastRows = 0;
        double lastTime = 0;
        int ticks = 0;
        while (running) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            peakHeap.accumulateAndGet(heap, Math::max);
            if (++ticks % 8 != 0) continue;
            long rows = rows();
            if (rows >= expected) continue; // the copy is over; the rest reports by lines
            double now = seconds();
            double rate = (rows - lastRows) / Math.max(1e-3, now - lastTime);
            lastRows = rows;
            lastTime = now;
            int filled = (int) (20 * rows / expected);
            String bar = "#".repeat(filled) + "·".repeat(20 - filled);
            long eta = rate > 0 ? Math.round((expected - rows) / rate) : -1;
            line(String.format(Locale.ROOT, "[%s] %3d%%  %,d / %,d rows  %,.0f rows/s  ETA %s", bar,
                    100 * rows / expected, rows, expected, rate, eta < 0 ? "?" : eta + " s"));
        }
    }

    @Override
    public void close() {
        running = false;
        ticker.interrupt();
    }
}
