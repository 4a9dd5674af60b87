package kz.bilim.territory.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.territory.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports the KATO classifier from a CSV file (docs/kato-import.md): read, check every row, and — only when no row
 * is bad — upsert the whole file in one transaction together with its audit record. A refused file leaves the
 * database exactly as it was.
 */
@Service
class ImportingClassifier {

    private static final Logger log = LoggerFactory.getLogger(ImportingClassifier.class);

    private final TerritoryRepository territories;
    private final ClassifierStaging staging;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    ImportingClassifier(TerritoryRepository territories, ClassifierStaging staging, AuditTrail audit,
                        PlatformTransactionManager transactions) {
        this.territories = territories;
        this.staging = staging;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    ImportResult importCsv(byte[] content) {
        long started = System.nanoTime();
        KatoCsv.Table table;
        try {
            table = KatoCsv.read(content);
        } catch (KatoCsv.Unreadable e) {
            return ImportResult.Rejected.of(java.util.List.of(e.error()));
        }
        return transaction.execute(status -> {
            var checked = ClassifierFile.check(table, tree());
            if (checked instanceof ClassifierFile.Invalid invalid) {
                status.setRollbackOnly();
                return ImportResult.Rejected.of(invalid.errors());
            }
            var rows = ((ClassifierFile.Valid) checked).rows();
            long checkedAt = System.nanoTime();
            var merged = staging.merge(rows);
            territories.forgetPaths();
            long mergedAt = System.nanoTime();
            int unchanged = rows.size() - merged.inserted() - merged.updated();
            var imported = new ImportResult.Imported(rows.size(), merged.inserted(), merged.updated(), unchanged,
                    merged.reattached(), (System.nanoTime() - started) / 1_000_000);
            audit.record(AuditEntry.of(AuditAction.IMPORT, "territory", "kato-classifier", "", null)
                    .because("KATO classifier import")
                    .with(Map.of("rows", imported.rows(), "inserted", imported.inserted(), "updated", imported.updated(),
                            "unchanged", imported.unchanged(), "reattached", imported.reattached(),
                            "bytes", content.length)));
            log.info("KATO classifier imported: {} rows, {} inserted, {} updated, {} unchanged, {} re-attached; "
                            + "read and checked in {} ms, merged in {} ms",
                    imported.rows(), imported.inserted(), imported.updated(), imported.unchanged(), imported.reattached(),
                    (checkedAt - started) / 1_000_000, (mergedAt - checkedAt) / 1_000_000);
            return imported;
        });
    }

    private ClassifierFile.Tree tree() {
        return new ClassifierFile.Tree() {
            @Override
            public Set<String> existing(Collection<String> codes) {
                return territories.existing(codes);
            }

            @Override
            public Map<String, Territory> topLevel() {
                return territories.regions().stream().collect(Collectors.toMap(Territory::kato, Function.identity()));
            }
        };
    }
}
