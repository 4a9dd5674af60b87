package kz.bilim.territory;

import kz.bilim.platform.database.BulkTable;

/**
 * The territory table for bulk loads (the demo generator, a restore): {@link Territory} records written with binary
 * COPY as the schema owner, with the table's keys in place (a few thousand rows). {@code scope_prefix} is generated
 * from the code and level, so a record's {@link Territory#scopePrefix()} is not written. Told apart by the KATO code.
 * Nothing here checks the tree: parents must come before their children, and levels must agree with the codes.
 */
public final class BulkTerritories {

    public static final BulkTable<Territory> TERRITORIES = BulkTable.<Territory>of("territory",
            "kato, parent_kato, level, name_kk, name_ru, urban", "kato",
            (t, out) -> out.text(t.kato()).text(t.parentKato()).int2(t.level()).text(t.nameKk()).text(t.nameRu())
                    .bool(t.urban()));

    private BulkTerritories() {
    }
}
