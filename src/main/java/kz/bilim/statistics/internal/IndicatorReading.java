package kz.bilim.statistics.internal;

import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Scope;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.statistics.Dim;
import kz.bilim.statistics.IndicatorTable;
import kz.bilim.statistics.Indicators;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the indicators (SC-5) from a snapshot's facts, set-based: one statement per indicator, grouping by
 * {@code grouping sets} — the breakdown asked for, or every breakdown and the total at once ({@link #all}). Dims and
 * conditions are fixed SQL fragments chosen by enum; every value from a request is a bound parameter. The caller's
 * territory scope applies to the organisations of the snapshot.
 */
@Service
class IndicatorReading implements Indicators {

    static final String LIVE = "live";

    private final JdbcClient jdbc;
    private final LiveSnapshot live;

    IndicatorReading(JdbcClient jdbc, LiveSnapshot live) {
        this.jdbc = jdbc;
        this.live = live;
    }

    /** A snapshot read: its day, version, whether live, and when it was taken (the live one's "as of" time). */
    record Snapshot(long id, LocalDate asOf, int version, boolean live, java.time.Instant takenAt) {
        String name() {
            return live ? LIVE : asOf.toString();
        }
    }

    /** The SQL expression of a dim over {@code o} (stat_organisation) and {@code f} (the facts) of a source. */
    static String expression(Dim dim, Indicator.Source source) {
        return switch (dim) {
            case REGION -> "left(o.kato, 2) || '0000000'";
            case DISTRICT -> "left(o.kato, 4) || '00000'";
            case SCHOOL_TYPE -> "o.kind";
            // the preschools' types as their accepted passport gives them (kindergarten, mini-centre, special)
            case ORGANISATION_TYPE -> "coalesce(o.preschool_type, o.kind)";
            case STUDY_FORM -> source == Indicator.Source.PUPILS || source == Indicator.Source.GRADUATES
                    ? "case when o.kind = 'EVENING_SCHOOL' or f.study_form = 'EVENING' then 'EVENING' else 'DAY' end"
                    : "case when o.kind = 'EVENING_SCHOOL' then 'EVENING' else 'DAY' end";
            case LOCALITY -> "case when o.urban then 'URBAN' else 'RURAL' end";
            case OWNERSHIP -> "o.ownership";
            case SEX -> "f.sex";
            // a teacher's grades are the band of the contract (PRIMARY, BASIC, SENIOR, MIXED, UNKNOWN)
            case GRADE -> source == Indicator.Source.STAFF ? "f.grades_taught" : "coalesce(f.grade::text, 'NONE')";
            case SHIFT -> "f.shift::text";
            case AGE -> source == Indicator.Source.STAFF ? "f.age_band" : "f.age::text";
            case NATIONALITY -> "f.nationality";
            case LANGUAGE -> source == Indicator.Source.PUPILS || source == Indicator.Source.GRADUATES
                    ? "coalesce(f.language, o.language)" : "o.language";
            case EDUCATION_LEVEL -> "f.education_level";
            case GROUP -> "f.preschool_group";
        };
    }

    private static String from(Indicator.Source source) {
        return switch (source) {
            case ORGANISATIONS -> "stat_organisation o";
            case PUPILS -> "stat_pupil f join stat_organisation o on o.snapshot_id = f.snapshot_id "
                    + "and o.organisation_id = f.organisation_id";
            case STAFF -> "stat_staff f join stat_organisation o on o.snapshot_id = f.snapshot_id "
                    + "and o.organisation_id = f.organisation_id";
            case GRADUATES -> "stat_graduate f join stat_organisation o on o.snapshot_id = f.snapshot_id "
                    + "and o.organisation_id = f.organisation_id";
            case YEAR_ENDS -> "stat_year_end f join stat_organisation o on o.snapshot_id = f.snapshot_id "
                    + "and o.organisation_id = f.organisation_id";
            // the facts carry their own territory (the residence, the queue's): o is the fact row's organisation view
            case CHILDREN -> "stat_child f cross join lateral (select f.snapshot_id, f.organisation_id, f.kato, f.kind, "
                    + "f.preschool_type, f.ownership, f.urban) o";
            case QUEUE -> "stat_queue f cross join lateral (select f.snapshot_id, null::bigint as organisation_id, f.kato, "
                    + "'NONE'::text as kind, null::text as preschool_type, 'NONE'::text as ownership, f.urban) o";
            case COMPARATIVE -> throw new IllegalArgumentException();
        };
    }

    /**
     * The same statement over the snapshot's cells (V185) instead of its facts joined to the organisations: a cell row
     * holds both, the organisation's attributes under their own names ({@code o.x} becomes {@code f.x}) but its
     * language as {@code org_language} (the facts have a language of their own). The cells have no organisation, so a
     * reader scoped to one organisation is not served from them. The fragments rewritten are the fixed ones of this
     * class and of {@link Catalogue}, never input.
     */
    static String overCells(String sql, Indicator.Source source) {
        if (!hasCells(source)) throw new IllegalArgumentException(source.name());
        String cells = switch (source) {
            case PUPILS -> "stat_pupil_cell f";
            case STAFF -> "stat_staff_cell f";
            case GRADUATES -> "stat_graduate_cell f";
            default -> throw new IllegalArgumentException(source.name());
        };
        return sql.replace(from(source), cells).replace("o.language", "f.org_language")
                .replaceAll("\\bo\\.", "f.");
    }

    /**
     * The sources folded into cells at taking. The children's and the queue's facts are few already (no organisation
     * per row to fold away: a residence or queue territory, sex, age) and are read as they are.
     */
    static boolean hasCells(Indicator.Source source) {
        return source == Indicator.Source.PUPILS || source == Indicator.Source.STAFF
                || source == Indicator.Source.GRADUATES;
    }

    private static String measure(Indicator.Source source) {
        return switch (source) {
            case ORGANISATIONS -> "count(*)";
            case PUPILS -> "coalesce(sum(f.pupils), 0)";
            case STAFF -> "coalesce(sum(f.staff), 0)";
            case GRADUATES -> "coalesce(sum(f.graduates), 0)";
            case YEAR_ENDS -> "coalesce(sum(f.pupils), 0)";
            case CHILDREN -> "coalesce(sum(f.children), 0)";
            case QUEUE -> "coalesce(sum(f.entries), 0)";
            case COMPARATIVE -> throw new IllegalArgumentException();
        };
    }

    @Override
    public Outcome<IndicatorTable> read(int number, String snapshotName, List<String> by, List<String> filters) {
        var indicator = Catalogue.find(number).orElse(null);
        if (indicator == null)
            return Refusal.invalid("number", "statistics.indicator.unknown", number).outcome();
        var dims = new ArrayList<Dim>();
        for (String name : by == null ? List.<String>of() : by) {
            if (name.isBlank()) continue;
            var dim = Dim.ofApiName(name.trim()).orElse(null);
            if (dim == null || !indicator.dims().contains(dim))
                return Refusal.invalid("by", "statistics.by.unknown", number, name.trim(), apiNames(indicator.dims()))
                        .outcome();
            if (!dims.contains(dim)) dims.add(dim);
        }
        var filterValues = new LinkedHashMap<Dim, String>();
        for (String filter : filters == null ? List.<String>of() : filters) {
            int colon = filter.indexOf(':');
            var dim = colon < 1 ? null : Dim.ofApiName(filter.substring(0, colon).trim()).orElse(null);
            if (dim == null || !indicator.dims().contains(dim) || colon == filter.length() - 1)
                return Refusal.invalid("filter", "statistics.filter.bad", number, filter, apiNames(indicator.dims()))
                        .outcome();
            filterValues.put(dim, filter.substring(colon + 1).trim());
        }
        var snapshot = snapshot(snapshotName);
        if (snapshot instanceof Outcome.Refused<Snapshot> refused) return refused.refusal().outcome();
        var found = snapshot.orElseThrow();
        if (!indicator.live()) return notYet(indicator, indicator.pending(), "number");
        for (Dim d : dims)
            if (indicator.pendingDims().containsKey(d)) return notYet(indicator, indicator.pendingDims().get(d), "by");
        for (Dim d : filterValues.keySet())
            if (indicator.pendingDims().containsKey(d))
                return notYet(indicator, indicator.pendingDims().get(d), "filter");
        if (indicator.source() == Indicator.Source.COMPARATIVE) {
            if (!dims.isEmpty() || !filterValues.isEmpty())
                return Refusal.invalid("by", "statistics.by.unknown", number, String.join(",", by), "").outcome();
            return Outcome.done(comparative(found));
        }
        var rows = compute(indicator, found, List.of(dims), filterValues).getOrDefault(dims, List.of());
        if (replaced(found)) return read(number, snapshotName, by, filters);
        return Outcome.done(new IndicatorTable(number, found.name(), found.version(), found.asOf(), found.takenAt(), dims, rows));
    }

    @Override
    public Outcome<Map<Integer, Map<Dim, IndicatorTable>>> all(String snapshotName) {
        var snapshot = snapshot(snapshotName);
        if (snapshot instanceof Outcome.Refused<Snapshot> refused) return refused.refusal().outcome();
        var found = snapshot.orElseThrow();
        var out = new TreeMap<Integer, Map<Dim, IndicatorTable>>();
        for (Indicator indicator : Catalogue.all()) {
            if (!indicator.live() || indicator.source() == Indicator.Source.COMPARATIVE) continue;
            var sets = new ArrayList<List<Dim>>();
            sets.add(List.of());
            for (Dim d : indicator.liveDims()) sets.add(List.of(d));
            var computed = compute(indicator, found, sets, Map.of());
            var tables = new LinkedHashMap<Dim, IndicatorTable>();
            tables.put(null, new IndicatorTable(indicator.number(), found.name(), found.version(), found.asOf(), found.takenAt(),
                    List.of(), computed.getOrDefault(List.of(), List.of())));
            for (Dim d : indicator.liveDims())
                tables.put(d, new IndicatorTable(indicator.number(), found.name(), found.version(), found.asOf(), found.takenAt(),
                        List.of(d), computed.getOrDefault(List.of(d), List.of())));
            out.put(indicator.number(), tables);
        }
        if (replaced(found)) return all(snapshotName);
        return Outcome.done(out);
    }

    /**
     * The computed breakdowns of frozen snapshots, by snapshot, indicator, breakdowns, filters and the caller's scope:
     * a frozen snapshot's facts never change (trigger {@code stat_frozen}), so neither does what is computed from them.
     * The live snapshot is never kept. Least recently used first out.
     */
    private final Map<String, Map<List<Dim>, List<IndicatorTable.Row>>> computed = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<List<Dim>, List<IndicatorTable.Row>>> eldest) {
                    return size() > 5000;
                }
            });

    private Map<List<Dim>, List<IndicatorTable.Row>> compute(Indicator indicator, Snapshot snapshot, List<List<Dim>> sets,
                                                            Map<Dim, String> filters) {
        if (snapshot.live()) return computeNow(indicator, snapshot, sets, filters);
        var scope = kz.bilim.kernel.CurrentScope.get();
        String key = snapshot.id() + "|" + indicator.number() + "|" + sets + "|" + filters + "|" + scope.setting() + "|"
                + scope.personalData();
        var found = computed.get(key);
        if (found != null) return found;
        var rows = computeNow(indicator, snapshot, sets, filters);
        computed.put(key, rows);
        return rows;
    }

    /** One statement: {@code group by grouping sets (…)}; the rows of each set, told apart by {@code grouping()}. */
    private Map<List<Dim>, List<IndicatorTable.Row>> computeNow(Indicator indicator, Snapshot snapshot,
                                                               List<List<Dim>> sets, Map<Dim, String> filters) {
        var used = new LinkedHashSet<Dim>();
        sets.forEach(used::addAll);
        var columns = new ArrayList<>(used);
        var select = new ArrayList<String>();
        for (int i = 0; i < columns.size(); i++)
            select.add(expression(columns.get(i), indicator.source()) + " as d" + i);
        String grouping = columns.isEmpty() ? "0" : "grouping(" + String.join(", ",
                columns.stream().map(d -> expression(d, indicator.source())).toList()) + ")";
        var groupingSets = new ArrayList<String>();
        for (var set : sets)
            groupingSets.add("(" + String.join(", ", set.stream().map(d -> expression(d, indicator.source())).toList())
                    + ")");
        var sql = new StringBuilder("select ");
        select.forEach(s -> sql.append(s).append(", "));
        sql.append(grouping).append(" as g, ")
                .append(indicator.measure() != null ? indicator.measure() : measure(indicator.source())).append(" as value from ")
                .append(from(indicator.source())).append(" where o.snapshot_id = :snapshot and (")
                .append(indicator.where()).append(") and {scope: kato=o.kato, organisation=o.organisation_id}");
        int f = 0;
        for (var filter : filters.entrySet())
            sql.append(" and ").append(expression(filter.getKey(), indicator.source())).append(" = :f").append(f++);
        sql.append(" group by grouping sets (").append(String.join(", ", groupingSets)).append(")");
        var scope = ScopeCondition.current();
        String text = sql.toString();
        if (hasCells(indicator.source()) && scope.scope().kind() != Scope.Kind.ORG)
            text = overCells(text, indicator.source());
        var spec = scope.sql(jdbc, text).param("snapshot", snapshot.id());
        f = 0;
        for (var filter : filters.entrySet()) spec = spec.param("f" + f++, filter.getValue());
        var out = new LinkedHashMap<List<Dim>, List<IndicatorTable.Row>>();
        for (var set : sets) out.put(set, new ArrayList<>());
        spec.query(rs -> {
            int g = rs.getInt("g");
            var key = new LinkedHashMap<String, String>();
            var present = new ArrayList<Dim>();
            for (int i = 0; i < columns.size(); i++) {
                boolean aggregated = (g >> (columns.size() - 1 - i) & 1) == 1;
                if (!aggregated) {
                    present.add(columns.get(i));
                    key.put(columns.get(i).apiName(), rs.getString("d" + i));
                }
            }
            for (var set : sets)
                if (set.size() == present.size() && present.containsAll(set)) {
                    var ordered = new LinkedHashMap<String, String>();
                    for (Dim d : set) ordered.put(d.apiName(), key.get(d.apiName()));
                    out.get(set).add(new IndicatorTable.Row(ordered, rs.getLong("value")));
                    break;
                }
        });
        out.values().forEach(rows -> rows.sort((a, b) -> compareKeys(a.key(), b.key())));
        // a breakdown of no rows still has its total: zero
        if (out.containsKey(List.<Dim>of()) && out.get(List.<Dim>of()).isEmpty())
            out.get(List.<Dim>of()).add(new IndicatorTable.Row(Map.of(), 0));
        out.replaceAll((k, v) -> List.copyOf(v));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static int compareKeys(Map<String, String> a, Map<String, String> b) {
        for (var e : a.entrySet()) {
            String x = e.getValue();
            String y = b.get(e.getKey());
            int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : numericFirst(x, y);
            if (c != 0) return c;
        }
        return 0;
    }

    static int numericFirstValues(String x, String y) {
        if (x == null || y == null) return x == null ? (y == null ? 0 : -1) : 1;
        return numericFirst(x, y);
    }

    private static int numericFirst(String x, String y) {
        if (x.matches("\\d{1,6}") && y.matches("\\d{1,6}")) return Integer.compare(Integer.parseInt(x), Integer.parseInt(y));
        return x.compareTo(y);
    }

    /** No. 45: the national totals of every live indicator, one row per indicator and 5-October snapshot. */
    private IndicatorTable comparative(Snapshot upTo) {
        var snapshots = jdbc.sql("""
                        select distinct on (as_of) id, as_of, version, taken_at from stat_snapshot
                         where not live and digest is not null and as_of <= :d order by as_of, version desc""")
                .param("d", upTo.asOf())
                .query((rs, n) -> new Snapshot(rs.getLong("id"), rs.getDate("as_of").toLocalDate(), rs.getInt("version"),
                        false, rs.getTimestamp("taken_at").toInstant())).list();
        var rows = new ArrayList<IndicatorTable.Row>();
        for (var s : snapshots)
            for (Indicator indicator : Catalogue.all()) {
                if (!indicator.live() || indicator.source() == Indicator.Source.COMPARATIVE) continue;
                long total = compute(indicator, s, List.of(List.of()), Map.of()).get(List.<Dim>of()).get(0).value();
                rows.add(new IndicatorTable.Row(comparativeKey(indicator.number(), s.asOf()), total));
            }
        return new IndicatorTable(45, upTo.name(), upTo.version(), upTo.asOf(), upTo.takenAt(), List.of(), rows);
    }

    private static Map<String, String> comparativeKey(int indicator, LocalDate asOf) {
        var key = new LinkedHashMap<String, String>();
        key.put("indicator", String.valueOf(indicator));
        key.put("snapshot", asOf.toString());
        return key;
    }

    private Outcome<IndicatorTable> notYet(Indicator indicator, Indicator.Pending pending, String field) {
        return new Refusal(Refusal.Code.CONFLICT, "SC-5", pending.feed().reasonKey(),
                List.of(indicator.number(), pending.input()),
                List.of(new FieldError(field, pending.feed().reasonKey(), indicator.number(), pending.input())))
                .outcome();
    }

    private static String apiNames(List<Dim> dims) {
        return String.join(", ", dims.stream().map(Dim::apiName).toList());
    }

    /** The snapshot of that day (its latest version), or the last live one ({@link LiveSnapshot}). */
    Outcome<Snapshot> snapshot(String name) {
        if (name == null || name.isBlank() || LIVE.equals(name)) return live.current();
        LocalDate day;
        try {
            day = LocalDate.parse(name);
        } catch (DateTimeParseException e) {
            return Refusal.invalid("snapshot", "statistics.snapshot.bad", name).outcome();
        }
        return jdbc.sql("""
                        select id, as_of, version, taken_at from stat_snapshot
                         where as_of = :d and not live and digest is not null order by version desc limit 1""")
                .param("d", day)
                .query((rs, n) -> new Snapshot(rs.getLong("id"), day, rs.getInt("version"), false,
                        rs.getTimestamp("taken_at").toInstant())).optional()
                .map(Outcome::done)
                .orElseGet(() -> Refusal.invalid("snapshot", "statistics.snapshot.missing", name).outcome());
    }

    /**
     * Whether a live snapshot read was replaced by a background retake meanwhile (the retake deletes the previous live
     * one in the transaction that writes the new one): then what was read may have missed its facts, and the read is
     * answered again from the new one. Still there after the read: the read's statements began before any deletion
     * committed, so they saw all of it.
     */
    private boolean replaced(Snapshot snapshot) {
        return snapshot.live() && !jdbc.sql("select exists (select 1 from stat_snapshot where id = :id)")
                .param("id", snapshot.id()).query(Boolean.class).single();
    }

    /** The days of the 5-October (or other) snapshots taken, newest first (their latest versions). */
    List<LocalDate> snapshotDays() {
        return jdbc.sql("select distinct as_of from stat_snapshot where not live and digest is not null order by as_of desc")
                .query(LocalDate.class).list();
    }

    /** Forgets the live snapshot's age: the next live read starts a retake (tests, after changing the registries). */
    void expireLive() {
        jdbc.sql("update stat_snapshot set taken_at = taken_at - interval '1 day' where live").update();
    }
}
