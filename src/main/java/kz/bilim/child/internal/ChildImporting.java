package kz.bilim.child.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.child.ChildImport;
import kz.bilim.child.ChildImports;
import kz.bilim.child.ChildSource;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.KatoRange;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Scope;
import kz.bilim.kernel.SignedIn;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationFilter;
import kz.bilim.organisation.Organisations;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.territory.KatoCode;
import kz.bilim.territory.Territories;
import kz.bilim.territory.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The import contract of issue 9: the header checked at once, the import queued (one per source and territory at a
 * time), then in the background the rows streamed, checked ({@link ChildRowPolicy}), COPYed and merged
 * ({@link ChildMerge}) in one transaction with the rejections and the counts — so a failure anywhere leaves the
 * registry exactly as before, and the import FAILED with its reason. The worker runs as the caller (their scope
 * checks the organisations and territories of the rows). Logs name the import, never a row.
 */
@Service
@PreAuthorize(ChildImporting.IMPORTERS)
class ChildImporting implements ChildImports {

    static final String IMPORTERS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER')";
    private static final Logger log = LoggerFactory.getLogger(ChildImporting.class);

    private final ChildImportRepository imports;
    private final ChildMerge merge;
    private final ChildReconciliation reconciliation;
    private final RegistrySources registry;
    private final Territories territories;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final TransactionTemplate ownerTransaction;
    private final OwnerDataSource ownerDataSource;
    private final Clock clock;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        var thread = new Thread(r, "child-import");
        thread.setDaemon(true);
        return thread;
    });

    ChildImporting(ChildImportRepository imports, ChildMerge merge, Territories territories,
                   Organisations organisations, AuditTrail audit, OwnerDataSource owner, Clock clock,
                   ChildReconciliation reconciliation, RegistrySources registry) {
        this.reconciliation = reconciliation;
        this.registry = registry;
        this.imports = imports;
        this.merge = merge;
        this.territories = territories;
        this.organisations = organisations;
        this.audit = audit;
        this.ownerTransaction = new TransactionTemplate(new DataSourceTransactionManager(owner));
        this.ownerDataSource = owner;
        this.clock = clock;
    }

    @Override
    public Outcome<ChildImport> start(ChildSource source, String kato, Path file) {
        return submit(source, kato, file).map(Started::queued);
    }

    @Override
    public Outcome<ChildImport> run(ChildSource source, String kato, Path file) {
        var started = submit(source, kato, file);
        if (!started.isDone()) return started.map(Started::queued);
        try {
            started.orElseThrow().work().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the import is FAILED in the table; find tells why
        }
        return Outcome.done(find(started.orElseThrow().queued().id()).orElseThrow());
    }

    private record Started(ChildImport queued, Future<?> work) {
    }

    private Outcome<Started> submit(ChildSource source, String katoText, Path file) {
        var caller = SignedIn.required();
        Scope scope = caller.scope();
        return submit(source, katoText, file, true, caller.kato(), caller.username(), scope, Progress.NONE, work ->
                CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(work), workers));
    }

    /**
     * The command-line import of a national file ({@code child-import}): a system run on the calling thread, the
     * whole country when no territory is named, progress told as it goes. The file stays where it is (it is the
     * operator's). Must be called outside a transaction. No signed-in user: the operator of the machine runs it, and the
     * method is reachable only from this package (the command).
     */
    @PreAuthorize("permitAll()")
    Outcome<ChildImport> runAsSystem(ChildSource source, String kato, Path file, Progress progress) {
        var started = CurrentScope.asSystem(() -> submit(source, kato, file, false, null, "child-import", Scope.all(true),
                progress, work -> {
                    work.run();
                    return CompletableFuture.completedFuture(null);
                }));
        if (!started.isDone()) return started.map(Started::queued);
        return Outcome.done(CurrentScope.asSystem(() -> imports.findAsOwner(started.orElseThrow().queued().id())));
    }

    /** {@code spooled}: the file is this import's own copy, deleted when done (else the caller's, kept). */
    private Outcome<Started> submit(ChildSource source, String katoText, Path file, boolean spooled, String ownKato,
                                    String actor, Scope scope, Progress progress,
                                    java.util.function.Function<Runnable, Future<?>> executor) {
        Path owned = spooled ? file : null;
        String kato = katoText == null || katoText.isBlank() ? ownKato : katoText.trim();
        String prefix;
        if (kato == null || kato.isBlank()) {
            // the whole country: a national snapshot, only for a caller who sees it all
            if (scope.kind() != Scope.Kind.ALL) return refuse(owned, "kato", "error.field.required");
            kato = "";
            prefix = "";
        } else {
            if (!KatoCode.isWellFormed(kato)) return refuse(owned, "kato", KatoCode.FORMAT_REASON);
            Territory territory = territories.find(kato).orElse(null);
            if (territory == null) return refuse(owned, "kato", "child.import.kato-unknown", kato);
            if (!scope.covers(kato, null)) return refuse(owned, "kato", "child.import.kato-out-of-scope", kato);
            prefix = territory.scopePrefix();
        }
        try (var header = ChildFile.open(file, source)) {
            // the header is the source's shape: checked before anything is written
        } catch (ChildFile.Unreadable e) {
            return refuse(owned, "file", e.reasonKey(), e.args().toArray());
        } catch (IOException e) {
            return refuse(owned, "file", "child.import.file.unreadable");
        }
        ChildImport queued;
        try {
            queued = imports.queue(source, kato, actor);
        } catch (DuplicateKeyException e) {
            delete(owned);
            return Refusal.conflict("child.import.running", source.name(), kato).outcome();
        }
        String territoryKato = kato;
        Runnable work = () -> process(queued.id(), source, territoryKato, prefix, scope, file, owned, progress);
        return Outcome.done(new Started(queued, executor.apply(work)));
    }

    private <T> Outcome<T> refuse(Path file, String field, String reasonKey, Object... args) {
        delete(file);
        return Refusal.invalid(List.of(new FieldError(field, reasonKey, args))).outcome();
    }

    @Override
    public Optional<ChildImport> find(long id) {
        return imports.find(id);
    }

    @Override
    public List<Rejection> rejections(long id) {
        return imports.rejections(id);
    }

    /** The worker: everything of the import in one owner transaction, or nothing and FAILED. */
    private void process(long id, ChildSource source, String kato, String prefix, Scope scope, Path file,
                         Path owned, Progress progress) {
        var rowsRead = new int[1];
        try {
            imports.running(id);
            var context = new Context(source, LocalDate.now(clock), scope, prefix);
            var report = ownerTransaction.execute(status -> load(id, source, kato, prefix, file, context, rowsRead,
                    progress));
            audited(AuditAction.IMPORT, source, kato, id, report);
        } catch (ChildFile.Unreadable e) {
            imports.failed(id, rowsRead[0], e.reasonKey());
            audited(AuditAction.IMPORT, source, kato, id, Map.of("state", "FAILED", "reason", e.reasonKey()));
        } catch (RuntimeException e) {
            log.warn("Child import {} of {} for {} failed: {}", id, source, kato, e.getClass().getSimpleName());
            imports.failed(id, rowsRead[0], "child.import.failed");
            audited(AuditAction.IMPORT, source, kato, id, Map.of("state", "FAILED"));
        } finally {
            delete(owned);
        }
    }

    private Map<String, Object> load(long id, ChildSource source, String kato, String prefix, Path file,
                                     Context context, int[] rowsRead, Progress progress) {
        int rows = 0;
        int rejectedRows = 0;
        long started = System.nanoTime();
        // rejections go to a spool file while the rows stream into COPY (one COPY at a time on a connection), then
        // into their table by COPY: the heap never holds more than one row
        Path spool = null;
        try {
            spool = Files.createTempFile("child-rejections-", ".csv");
            try (var staging = merge.staging()) {
                var read = read(id, source, kato, file, context, staging, spool, rowsRead, progress);
                rows = read.rows();
                rejectedRows = read.rejected();
            }
            progress.stage("read, check and COPY into staging", rows, System.nanoTime() - started);
            long merging = System.nanoTime();
            long staged = rows - rejectedRows;
            var merged = merge.bulk(staged, () -> merge.merge(source, ChildMerge.IMPORT, KatoRange.under(prefix), id));
            progress.stage("merge (link, new children, sources, withdrawal, records)", rows - rejectedRows,
                    System.nanoTime() - merging);
            imports.saveRejections(spool);
            int rejected = rejectedRows + (int) merged.duplicates();
            int accepted = rows - rejected;
            imports.done(id, rows, accepted, rejected, merged);
            var details = new LinkedHashMap<String, Object>();
            details.put("state", "DONE");
            details.put("rows", rows);
            details.put("accepted", accepted);
            details.put("rejected", rejected);
            details.put("inserted", merged.inserted());
            details.put("updated", merged.updated());
            details.put("withdrawn", merged.withdrawn());
            details.put("children", merged.children());
            return details;
        } catch (IOException e) {
            throw new ChildFile.Unreadable("child.import.file.unreadable");
        } finally {
            if (spool != null) delete(spool);
        }
    }

    /** A national reconciliation done: the two imports it recorded and the registry's pupils it read. */
    record Reconciled(ChildImport justice, ChildImport kandas, long pupils) {
    }

    /**
     * The national reconciliation (command line, benchmark): sources 1–4 from the live enrolments and the national
     * Justice and Kandas files merged as one bulk merge ({@link ChildReconciliation}), one transaction — all of it or
     * nothing. Each file is an import of its own (its rows, rejections and counts, {@code GET
     * /api/v1/children/imports/{id}}), refused like {@link #runAsSystem} (header, a running import of that source:
     * 409). The files' rows are read and COPYed on a second thread and connection while the pupils are staged.
     */
    @PreAuthorize("permitAll()")
    Outcome<Reconciled> reconcileAsSystem(Path justice, Path kandas, Progress progress) {
        return CurrentScope.asSystem(() -> {
            for (var file : List.of(Map.entry(ChildSource.JUSTICE, justice), Map.entry(ChildSource.KANDAS, kandas))) {
                try (var header = ChildFile.open(file.getValue(), file.getKey())) {
                    // the header is the source's shape: checked before anything is written
                } catch (ChildFile.Unreadable e) {
                    return refuse(null, "file", e.reasonKey(), e.args().toArray());
                } catch (IOException e) {
                    return refuse(null, "file", "child.import.file.unreadable");
                }
            }
            ChildImport j, k;
            try {
                j = imports.queue(ChildSource.JUSTICE, "", "child-reconcile");
            } catch (DuplicateKeyException e) {
                return Refusal.conflict("child.import.running", ChildSource.JUSTICE.name(), "").<Reconciled>outcome();
            }
            try {
                k = imports.queue(ChildSource.KANDAS, "", "child-reconcile");
            } catch (DuplicateKeyException e) {
                imports.failed(j.id(), 0, "child.import.running");
                return Refusal.conflict("child.import.running", ChildSource.KANDAS.name(), "").<Reconciled>outcome();
            }
            long pupils = reconcile(j.id(), k.id(), justice, kandas, progress);
            return Outcome.done(new Reconciled(imports.findAsOwner(j.id()), imports.findAsOwner(k.id()), pupils));
        });
    }

    private long reconcile(long justiceId, long kandasId, Path justice, Path kandas, Progress progress) {
        int[] justiceRead = new int[1], kandasRead = new int[1];
        Path justiceSpool = null, kandasSpool = null;
        var files = Executors.newSingleThreadExecutor(r -> new Thread(r, "child-reconcile-files"));
        try {
            imports.running(justiceId);
            imports.running(kandasId);
            justiceSpool = Files.createTempFile("child-rejections-", ".csv");
            kandasSpool = Files.createTempFile("child-rejections-", ".csv");
            Path js = justiceSpool, ks = kandasSpool;
            var today = LocalDate.now(clock);
            long pupils = ownerTransaction.execute(status -> {
                long started = System.nanoTime();
                long base = reconciliation.begin();
                // the files on their own thread and connection while this one stages the pupils: both cores busy
                Future<Read[]> read = files.submit(() -> CurrentScope.asSystem(() -> {
                    try (var rows = reconciliation.fileRows()) {
                        return new Read[]{
                                read(justiceId, ChildSource.JUSTICE, "", justice,
                                        new Context(ChildSource.JUSTICE, today, Scope.all(true), ""),
                                        rows.forFile(justiceId, ChildSource.JUSTICE), js, justiceRead, progress),
                                read(kandasId, ChildSource.KANDAS, "", kandas,
                                        new Context(ChildSource.KANDAS, today, Scope.all(true), ""),
                                        rows.forFile(kandasId, ChildSource.KANDAS), ks, kandasRead, progress)};
                    } catch (IOException e) {
                        throw new ChildFile.Unreadable("child.import.file.unreadable");
                    }
                }));
                long staged = registry.stageAll();
                progress.stage("sources 1-4: pupils staged", staged, System.nanoTime() - started);
                Read[] reads;
                try {
                    reads = read.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    throw new IllegalStateException(e.getCause());
                }
                progress.stage("Justice and Kandas: read, check and COPY (beside the pupils)",
                        reads[0].rows() + reads[1].rows(), System.nanoTime() - started);
                long merging = System.nanoTime();
                var merged = reconciliation.merge(base, justiceId, kandasId,
                        staged + reads[0].rows() + reads[1].rows());
                progress.stage("one bulk merge of the six sources", staged + reads[0].rows() + reads[1].rows()
                        - reads[0].rejected() - reads[1].rejected(), System.nanoTime() - merging);
                imports.saveRejections(js);
                imports.saveRejections(ks);
                done(justiceId, reads[0], merged.get(ChildSource.JUSTICE));
                done(kandasId, reads[1], merged.get(ChildSource.KANDAS));
                var counts = new LinkedHashMap<String, Object>();
                for (var source : RegistrySources.EMIS) {
                    var m = merged.get(source);
                    counts.put(source.name(), m.inserted() + m.updated() + m.withdrawn());
                }
                counts.put("rows", staged);
                registry.audited("", counts);
                jdbcTruncate();
                return staged;
            });
            audited(AuditAction.IMPORT, ChildSource.JUSTICE, "", justiceId, Map.of("state", "DONE", "reconciliation", true));
            audited(AuditAction.IMPORT, ChildSource.KANDAS, "", kandasId, Map.of("state", "DONE", "reconciliation", true));
            return pupils;
        } catch (RuntimeException | IOException e) {
            String reason = e instanceof ChildFile.Unreadable u ? u.reasonKey() : "child.import.failed";
            log.warn("National reconciliation (imports {}, {}) failed: {}", justiceId, kandasId,
                    e.getClass().getSimpleName());
            reconciliation.clearFileRows();
            imports.failed(justiceId, justiceRead[0], reason);
            imports.failed(kandasId, kandasRead[0], reason);
            audited(AuditAction.IMPORT, ChildSource.JUSTICE, "", justiceId, Map.of("state", "FAILED"));
            audited(AuditAction.IMPORT, ChildSource.KANDAS, "", kandasId, Map.of("state", "FAILED"));
            return -1;
        } finally {
            files.shutdownNow();
            delete(justiceSpool);
            delete(kandasSpool);
        }
    }

    private void jdbcTruncate() {
        org.springframework.jdbc.core.simple.JdbcClient.create(ownerDataSource).sql("truncate child_reconcile_row").update();
    }

    private void done(long id, Read read, ChildMerge.Merged merged) {
        int rejected = read.rejected() + (int) merged.duplicates();
        imports.done(id, read.rows(), read.rows() - rejected, rejected, merged);
    }

    /** The rows read from a file and how many of them its checks rejected. */
    record Read(int rows, int rejected) {
    }

    /**
     * Streams the file's rows through their checks ({@link ChildRowPolicy}) into {@code sink}, the rejected ones as
     * COPY's CSV of rejections into {@code spool}: the heap never holds more than one row.
     */
    static Read read(long id, ChildSource source, String kato, Path file, ChildRowPolicy.Context context,
                     ChildMerge.Sink sink, Path spool, int[] rowsRead, Progress progress) throws IOException {
        int rows = 0;
        int rejectedRows = 0;
        long started = System.nanoTime();
        try (var csv = ChildFile.open(file, source);
             var rejected = new CSVPrinter(Files.newBufferedWriter(spool, StandardCharsets.UTF_8),
                     CSVFormat.POSTGRESQL_CSV)) {
            var errors = new ArrayList<FieldError>();
            for (ChildFile.Raw raw : csv) {
                rowsRead[0] = ++rows;
                errors.clear();
                var row = ChildRowPolicy.check(raw.number(), raw.fields(), context, errors);
                if (row != null) sink.add(new ChildMerge.Staged(row, kato, null));
                else {
                    rejectedRows++;
                    for (var e : errors)
                        rejected.printRecord(id, raw.number(), e.field(), e.reasonKey(),
                                ChildImportRepository.arrayLiteral(java.util.Arrays.stream(e.args())
                                        .map(String::valueOf).toList()));
                }
                if ((rows & 0x3ffff) == 0) progress.rows(rows, System.nanoTime() - started);
            }
            rowsRead[0] = rows;
        }
        return new Read(rows, rejectedRows);
    }

    /** What a long import tells as it goes (the command line prints it; the web import says nothing). */
    interface Progress {
        Progress NONE = new Progress() {
        };

        default void rows(long rows, long nanos) {
        }

        default void stage(String name, long rows, long nanos) {
        }
    }

    private void audited(AuditAction action, ChildSource source, String kato, long id, Map<String, ?> details) {
        var more = new LinkedHashMap<String, Object>(details);
        more.put("source", source.name());
        audit.record(AuditEntry.of(action, "child-import", id, kato, null).because("child-import").with(more));
    }

    private static void delete(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete a spooled child import file: {}", e.getClass().getSimpleName());
        }
    }

    /** The lookups of a row's checks, cached for the import (a district has tens of settlements, hundreds of BINs). */
    private final class Context implements ChildRowPolicy.Context {

        private final ChildSource source;
        private final LocalDate today;
        private final Scope scope;
        private final String prefix;
        private final Map<String, Boolean> katos = new HashMap<>();
        private final Map<String, Optional<Organisation>> bins = new HashMap<>();

        Context(ChildSource source, LocalDate today, Scope scope, String prefix) {
            this.source = source;
            this.today = today;
            this.scope = scope;
            this.prefix = prefix;
        }

        @Override
        public ChildSource source() {
            return source;
        }

        @Override
        public LocalDate today() {
            return today;
        }

        @Override
        public Scope scope() {
            return scope;
        }

        @Override
        public String territoryPrefix() {
            return prefix;
        }

        @Override
        public boolean territoryExists(String kato) {
            return katos.computeIfAbsent(kato, k -> territories.find(k).isPresent());
        }

        @Override
        public Organisation organisation(String bin) {
            return bins.computeIfAbsent(bin, b -> organisations.list(new OrganisationFilter(null, null, null, null,
                            null, b), 0, 5).items().stream().filter(o -> o.bin().value().equals(b)).findFirst())
                    .orElse(null);
        }
    }
}
