package kz.bilim.statistics;

import kz.bilim.kernel.Outcome;

import java.util.List;
import java.util.Map;

/**
 * The 45 indicators of the appendix (SC-5), read for a snapshot (its day, "YYYY-10-05") or live, broken down by the
 * dims asked for and filtered by dim values, within the caller's scope. Aggregates only. A refusal names the
 * parameter: an unknown indicator ({@code number}), a breakdown the indicator lacks ({@code by}/{@code filter}), a
 * snapshot that does not exist ({@code snapshot}), an input not yet held ({@code NOT_YET_AVAILABLE} as a conflict).
 */
public interface Indicators {

    Outcome<IndicatorTable> read(int number, String snapshot, List<String> by, List<String> filters);

    /** Every live indicator with every one of its breakdowns and its total, for one snapshot, set-based. */
    Outcome<Map<Integer, Map<Dim, IndicatorTable>>> all(String snapshot);
}
