package kz.bilim.child;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import contract again, every merge a bulk merge (as a national snapshot's is: the child table's secondary
 * indexes dropped and rebuilt, the sources' foreign key dropped and added again, the list counts' triggers off —
 * ChildMerge.bulk): idempotent, atomic (a failure half way puts every index, key and trigger back), one at a time.
 */
@TestPropertySource(properties = {"bilim.child.bulk-merge.min-rows=1", "bilim.child.bulk-merge.min-share=0"})
@DisplayName("CA-1 CA-2 the import contract in bulk merges")
class ChildImportBulkTest extends ChildImportTest {

    private String schema;

    @Override
    ChildFixture newFixture() {
        return new ChildFixture(ownerDataSource, mvc, java.time.YearMonth.of(2018, 4), 5700);
    }

    @BeforeAll
    void schemaBefore() {
        schema = schema();
    }

    @AfterAll
    void schemaAfter() {
        // every import of the class, the failed ones too, left the indexes, keys and triggers as they were
        assertThat(schema()).isEqualTo(schema).contains("child_iin", "child_source_child_id_fkey", "child_list_count_update:O");
    }

    private String schema() {
        return fixture.owner.sql("""
                select string_agg(x, ',' order by x collate "C") from (
                    select (indexname::text || ':' || indexdef::text) as x from pg_indexes
                     where tablename in ('child', 'child_source')
                    union all select conname::text || ':' || pg_get_constraintdef(oid) from pg_constraint
                     where conrelid in ('child'::regclass, 'child_source'::regclass)
                    union all select tgname::text || ':' || tgenabled::text from pg_trigger
                     where tgrelid = 'child'::regclass and not tgisinternal) d
                """).query(String.class).single();
    }
}
