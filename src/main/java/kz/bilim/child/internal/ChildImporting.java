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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
    private final Territories territories;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final TransactionTemplate ownerTransaction;
    private final Clock clock;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        var thread = new Thread(r, "child-import");
        thread.setDaemon(true);
        return thread;
    });

    ChildImporting(ChildImportRepository imports, ChildMerge merge, Territories territories,
                   Organisations organisations, AuditTrail audit, OwnerDataSource owner, Clock clock) {
        this.imports = imports;
        this.merge = merge;
        this.territories = territories;
        this.organisations = organisations;
        this.audit = audit;
        this.ownerTransaction = new TransactionTemplate(new DataSourceTransactionManager(owner));
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
        String kato = katoText == null || katoText.isBlank() ? caller.kato() : katoText.trim();
        Territory territory;
        if (kato == null || kato.isBlank()) return refuse(file, "kato", "error.field.required");
        if (!KatoCode.isWellFormed(kato)) return refuse(file, "kato", KatoCode.FORMAT_REASON);
        territory = territories.find(kato).orElse(null);
        if (territory == null) return refuse(file, "kato", "child.import.kato-unknown", kato);
        if (!caller.scope().covers(kato, null)) return refuse(file, "kato", "child.import.kato-out-of-scope", kato);
        try (var header = ChildFile.open(file, source)) {
            // the header is the source's shape: checked before anything is written
        } catch (ChildFile.Unreadable e) {
            return refuse(file, "file", e.reasonKey(), e.args().toArray());
        } catch (IOException e) {
            return refuse(file, "file", "child.import.file.unreadable");
        }
        ChildImport queued;
        try {
            queued = imports.queue(source, kato, caller.username());
        } catch (DuplicateKeyException e) {
            delete(file);
            return Refusal.conflict("child.import.running", source.name(), kato).outcome();
        }
        String prefix = territory.scopePrefix();
        Scope scope = caller.scope();
        Runnable work = new DelegatingSecurityContextRunnable(() -> process(queued.id(), source, kato, prefix, scope, file));
        return Outcome.done(new Started(queued, CompletableFuture.runAsync(work, workers)));
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
    private void process(long id, ChildSource source, String kato, String prefix, Scope scope, Path file) {
        var rowsRead = new int[1];
        try {
            imports.running(id);
            var context = new Context(source, LocalDate.now(clock), scope, prefix);
            var report = ownerTransaction.execute(status -> load(id, source, kato, prefix, file, context, rowsRead));
            audited(AuditAction.IMPORT, source, kato, id, report);
        } catch (ChildFile.Unreadable e) {
            imports.failed(id, rowsRead[0], e.reasonKey());
            audited(AuditAction.IMPORT, source, kato, id, Map.of("state", "FAILED", "reason", e.reasonKey()));
        } catch (RuntimeException e) {
            log.warn("Child import {} of {} for {} failed: {}", id, source, kato, e.getClass().getSimpleName());
            imports.failed(id, rowsRead[0], "child.import.failed");
            audited(AuditAction.IMPORT, source, kato, id, Map.of("state", "FAILED"));
        } finally {
            delete(file);
        }
    }

    private Map<String, Object> load(long id, ChildSource source, String kato, String prefix, Path file,
                                     Context context, int[] rowsRead) {
        var rejections = new ArrayList<Rejection>();
        var rejectedRows = new HashSet<Integer>();
        int rows = 0;
        try (var csv = ChildFile.open(file, source); var staging = merge.staging()) {
            for (ChildFile.Raw raw : csv) {
                rowsRead[0] = ++rows;
                var errors = new ArrayList<FieldError>();
                var row = ChildRowPolicy.check(raw.number(), raw.fields(), context, errors);
                if (row != null) staging.add(new ChildMerge.Staged(row, kato, null));
                else {
                    rejectedRows.add(raw.number());
                    for (var e : errors)
                        rejections.add(new Rejection(raw.number(), e.field(), e.reasonKey(),
                                java.util.Arrays.stream(e.args()).map(String::valueOf).toList()));
                }
            }
            rowsRead[0] = rows;
        } catch (IOException e) {
            throw new ChildFile.Unreadable("child.import.file.unreadable");
        }
        var merged = merge.merge(source, ChildMerge.IMPORT, KatoRange.under(prefix), id);
        for (var d : merged.duplicates()) {
            rejectedRows.add(d.row());
            rejections.add(new Rejection(d.row(), d.field(), "child.import.duplicate",
                    List.of(String.valueOf(d.first()))));
        }
        rejections.sort(java.util.Comparator.comparingInt(Rejection::row));
        imports.saveRejections(id, rejections);
        int accepted = rows - rejectedRows.size();
        imports.done(id, rows, accepted, rejectedRows.size(), merged);
        var details = new LinkedHashMap<String, Object>();
        details.put("state", "DONE");
        details.put("rows", rows);
        details.put("accepted", accepted);
        details.put("rejected", rejectedRows.size());
        details.put("inserted", merged.inserted());
        details.put("updated", merged.updated());
        details.put("withdrawn", merged.withdrawn());
        details.put("children", merged.children());
        return details;
    }

    private void audited(AuditAction action, ChildSource source, String kato, long id, Map<String, ?> details) {
        var more = new LinkedHashMap<String, Object>(details);
        more.put("source", source.name());
        audit.record(AuditEntry.of(action, "child-import", id, kato, null).because("child-import").with(more));
    }

    private static void delete(Path file) {
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
