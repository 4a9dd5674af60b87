package kz.bilim.demo.internal;

import kz.bilim.statistics.AnalystBulkWriter;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The demo's Statistics Committee: its analyst account ({@code statistics}) is a responsible person of the register,
 * granted access for 2026 and having accepted the purpose of use — otherwise SC-3 lets the account read nothing.
 */
public final class DemoStatistics {

    static final String ANALYST = "statistics";
    static final String ANALYST_NAME = "Дмитрий Сергеевич Петров";

    private DemoStatistics() {
    }

    public static DemoLoader.Dependents dependents(AnalystBulkWriter writer) {
        return new DemoLoader.Dependents() {
            @Override
            public Map<String, Long> write(DataSource owner, long seed, List<DemoStaff.Org> organisations) {
                writer.registerGranted(owner, ANALYST, ANALYST_NAME, "Бас маман (демо)", LocalDate.of(DemoCollection.YEAR, 9, 15));
                return Map.of("statistics: responsible persons", 1L);
            }

            @Override
            public void remove(DataSource owner, long organisationIdAfter, long organisationIdUpTo) {
                writer.remove(owner, ANALYST);
            }
        };
    }
}
