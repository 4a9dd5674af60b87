package kz.bilim.collection;

import java.math.BigDecimal;

/**
 * EIS-4: a value that differs from what a registry holds by more than the field's tolerance — a query to explain
 * (an explanation is needed to submit), not an error to fix.
 */
public record RegistryQuery(String field, FormDefinition.Registry registry, BigDecimal reported, BigDecimal registered,
                            BigDecimal differencePercent, boolean explained) {
}
