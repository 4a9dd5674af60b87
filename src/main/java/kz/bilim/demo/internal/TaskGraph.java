package kz.bilim.demo.internal;

import kz.bilim.platform.database.TableKeys;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Steps of a bulk load run on a few database sessions at once: each free session takes the first step, in the order
 * given, whose prerequisites are done. So the exclusion constraint of enrolments starts building as soon as the
 * enrolments are copied, while the other session is still copying persons — both cores stay busy. The first failure
 * stops the rest and is thrown.
 */
final class TaskGraph {

    interface Work {
        void run(Connection connection) throws Exception;
    }

    private record Task(String name, Set<String> needs, Work work) {
    }

    private final List<Task> pending = new ArrayList<>();
    private final Set<String> done = new HashSet<>();
    private final Progress progress;
    private Exception failure;

    TaskGraph(Progress progress) {
        this.progress = progress;
    }

    TaskGraph add(String name, Set<String> needs, Work work) {
        pending.add(new Task(name, needs, work));
        return this;
    }

    TaskGraph sql(String name, Set<String> needs, String sql) {
        return add(name, needs, connection -> TableKeys.execute(connection, sql));
    }

    void run(List<Connection> sessions) throws Exception {
        List<Thread> workers = new ArrayList<>();
        for (Connection session : sessions) {
            var worker = new Thread(() -> work(session), "demo-load-" + workers.size());
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) worker.join();
        if (failure != null) throw failure;
        if (!pending.isEmpty()) throw new IllegalStateException("steps that can never start: " + pending);
    }

    private void work(Connection session) {
        while (true) {
            Task task;
            synchronized (this) {
                while (true) {
                    if (failure != null || pending.isEmpty()) return;
                    task = pending.stream().filter(t -> done.containsAll(t.needs)).findFirst().orElse(null);
                    if (task != null) {
                        pending.remove(task);
                        break;
                    }
                    if (!anyRunning()) return; // nothing can become ready any more
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                running++;
            }
            long started = System.nanoTime();
            try {
                task.work.run(session);
                progress.line(String.format(Locale.ROOT, "%5.1f s  %s", (System.nanoTime() - started) / 1e9,
                        brief(task.name)));
                synchronized (this) {
                    done.add(task.name);
                    running--;
                    notifyAll();
                }
            } catch (Exception e) {
                synchronized (this) {
                    if (failure == null) failure = e;
                    running--;
                    notifyAll();
                }
                return;
            }
        }
    }

    private int running;

    private boolean anyRunning() {
        return running > 0;
    }

    private static String brief(String sql) {
        return sql.length() > 110 ? sql.substring(0, 107) + "..." : sql;
    }
}
