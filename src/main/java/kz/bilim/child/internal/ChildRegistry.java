package kz.bilim.child.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.child.ChildList;
import kz.bilim.child.ChildRecord;
import kz.bilim.child.ChildSource;
import kz.bilim.child.Children;
import kz.bilim.child.ListCounts;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.KatoRange;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.kernel.SignedIn;
import kz.bilim.kernel.Text;
import kz.bilim.territory.KatoCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The single database read within the caller's scope: by the child's residence, in the query ({@code {scope:}}) and
 * by row-level security under it. Each child shown is written to the audit trail (a list page once, with its size).
 */
@Service
@PreAuthorize(ChildRegistry.READERS)
class ChildRegistry implements Children {

    static final String READERS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'POLICE_LIAISON')";

    private static final String COLUMNS = "c.id, c.iin, c.last_name, c.first_name, c.patronymic, c.birth_date, c.sex, "
            + "c.citizenship, c.kato, c.exempt, " + ChildListPolicy.listsOfChild() + " as lists";

    private static final String SEARCH = "select " + COLUMNS + """
             from child c
            where {scope: kato=c.kato} and c.merged_into is null
              and (cast(:iin as text) is null or c.iin = cast(:iin as text))
              and (cast(:name as text) is null or lower(c.last_name) like cast(:name as text))
            order by c.last_name, c.first_name, c.id limit :limit offset :offset
            """;

    private static final String ONE = "select " + COLUMNS + " from child c where c.id = :id and {scope: kato=c.kato}";

    private static final String LIST = "select " + COLUMNS + """
             from child c
            where {scope: kato=c.kato} and c.kato between :from and :to and c.merged_into is null and (%s)
            order by c.last_name, c.first_name, c.id limit :limit offset :offset
            """;

    /** A fresh count over the children (what the kept counts must equal; tests). */
    private static final String COUNTS = "select " + ChildListPolicy.counts()
            + " from child c where {scope: kato=c.kato} and c.kato between :from and :to";

    /** The kept counts of the settlements of a territory (V170): some thousand rows for the whole country. */
    private static final String KEPT = """
            select a.kato, a.preschool_age, a.school_age, a.tvet, a.non_state, a.not_subject_to_schooling, a.kandas,
                   a.foreign_children as foreign, a.not_covered, a.truant
              from child_list_count a where {scope: kato=a.kato} and a.kato between :from and :to
            """;

    /**
     * List 9 counted from the truant lists themselves (CA-4): they change by the police liaison's decisions, not by
     * the children's rows the kept counts follow, and they hold a few children per district, so counting them fresh
     * costs nothing.
     */
    private static final String TRUANTS = """
            select c.kato, count(distinct c.id) as truant
              from truant_entry te join truant_list tl on tl.id = te.list_id join child c on c.id = te.child_id
             where {scope: kato=c.kato} and c.kato between :from and :to and c.merged_into is null and\s"""
            + ChildListPolicy.COUNTED_TRUANT_ENTRY + " group by c.kato"; // list 9's rule, driven from the few entries

    private static final String SOURCES = """
            select child_id, source, origin, active, iin, last_name, first_name, patronymic, birth_date, sex,
                   citizenship, residence_kato, organisation_bin, grade
              from child_source where child_id in (:ids)
             order by child_id, case source when 'JUSTICE' then 0 when 'KANDAS' then 1 else 2 end, source, origin
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    private final ChildListCounts keptCounts;

    ChildRegistry(JdbcClient jdbc, AuditTrail audit, Clock clock, ChildListCounts keptCounts) {
        this.keptCounts = keptCounts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Paged<ChildRecord> search(String iin, String name, int page, int size) {
        String digits = Text.blankToNull(iin);
        String surname = Text.blankToNull(name);
        var rows = ScopeCondition.current().sql(jdbc, SEARCH).param("today", today())
                .param("iin", digits == null ? null : digits.trim())
                .param("name", surname == null ? null : Text.escapeLike(surname.trim().toLowerCase(Locale.ROOT)) + "%")
                .param("limit", size + 1).param("offset", page * size).query(ChildRegistry::map).list();
        var shown = withSources(rows.subList(0, Math.min(size, rows.size())));
        for (var child : shown)
            audit.record(AuditEntry.of(AuditAction.READ, "child", child.id(), child.kato(), null).because("child-search"));
        return new Paged<>(shown, page, size, null, rows.size() > size);
    }

    @Override
    @Transactional
    public Optional<ChildRecord> read(long id, String purpose) {
        var found = ScopeCondition.current().sql(jdbc, ONE).param("today", today()).param("id", id)
                .query(ChildRegistry::map).optional();
        found.ifPresent(c -> audit.record(AuditEntry.of(AuditAction.READ, "child", c.id(), c.kato(), null)
                .because(purpose)));
        return found.map(c -> withSources(List.of(c)).get(0));
    }

    @Override
    @Transactional
    public Paged<ChildRecord> list(String kato, ChildList list, int page, int size) {
        String territory = territory(kato);
        var range = KatoRange.under(territory == null ? "" : new KatoCode(territory).scopePrefix());
        var rows = ScopeCondition.current().sql(jdbc, LIST.formatted(ChildListPolicy.RULES.get(list)))
                .param("today", today()).param("from", range.first()).param("to", range.last())
                .param("limit", size + 1).param("offset", page * size).query(ChildRegistry::map).list();
        var shown = withSources(rows.subList(0, Math.min(size, rows.size())));
        audit.record(AuditEntry.of(AuditAction.READ, "child-list", list.name(), territory == null ? "" : territory, null)
                .because("child-list").with(Map.of("rows", shown.size(), "page", page)));
        return new Paged<>(shown, page, size, null, rows.size() > size);
    }

    @Override
    @Transactional(readOnly = true)
    public ListCounts counts(String kato) {
        String territory = territory(kato);
        var counts = empty();
        kept(territory, (settlement, row) -> row.forEach((l, n) -> counts.merge(l, n, Long::sum)));
        return new ListCounts(territory, today(), counts);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ListCounts> partCounts(String kato, List<String> parts) {
        String territory = territory(kato);
        var prefixes = new java.util.LinkedHashMap<String, EnumMap<ChildList, Long>>();
        for (var part : parts) prefixes.put(new KatoCode(part).scopePrefix(), empty());
        kept(territory, (settlement, row) -> {
            for (var e : prefixes.entrySet())
                if (settlement.startsWith(e.getKey())) row.forEach((l, n) -> e.getValue().merge(l, n, Long::sum));
        });
        var result = new ArrayList<ListCounts>();
        int i = 0;
        for (var e : prefixes.values()) result.add(new ListCounts(parts.get(i++), today(), e));
        return result;
    }

    /** A fresh count over the children of the territory (the kept counts must equal it). */
    @Transactional(readOnly = true)
    ListCounts freshCounts(String kato) {
        String territory = territory(kato);
        var range = KatoRange.under(territory == null ? "" : new KatoCode(territory).scopePrefix());
        var counts = ScopeCondition.current().sql(jdbc, COUNTS).param("today", today())
                .param("from", range.first()).param("to", range.last()).query((rs, n) -> {
                    var map = new EnumMap<ChildList, Long>(ChildList.class);
                    for (var l : ChildList.values()) map.put(l, rs.getLong(l.name().toLowerCase(Locale.ROOT)));
                    return map;
                }).single();
        return new ListCounts(territory, today(), counts);
    }

    private static EnumMap<ChildList, Long> empty() {
        var map = new EnumMap<ChildList, Long>(ChildList.class);
        for (var l : ChildList.values()) map.put(l, 0L);
        return map;
    }

    /** Each settlement's kept counts under the territory; rebuilt first when they hold for another day. */
    private void kept(String territory, java.util.function.BiConsumer<String, Map<ChildList, Long>> each) {
        keptCounts.current(today());
        var range = KatoRange.under(territory == null ? "" : new KatoCode(territory).scopePrefix());
        ScopeCondition.current().sql(jdbc, KEPT).param("from", range.first()).param("to", range.last())
                .query(rs -> {
                    var row = new EnumMap<ChildList, Long>(ChildList.class);
                    for (var l : ChildList.values()) row.put(l, rs.getLong(l.name().toLowerCase(Locale.ROOT)));
                    row.put(ChildList.TRUANT, 0L); // never kept: counted below
                    each.accept(rs.getString("kato"), row);
                });
        ScopeCondition.current().sql(jdbc, TRUANTS).param("from", range.first()).param("to", range.last())
                .query(rs -> {
                    var row = new EnumMap<ChildList, Long>(ChildList.class);
                    for (var l : ChildList.values()) row.put(l, 0L);
                    row.put(ChildList.TRUANT, rs.getLong("truant"));
                    each.accept(rs.getString("kato"), row);
                });
    }

    /**
     * The territory asked for, or the caller's own; null: the whole country (a national caller who named none).
     * A code outside the caller's scope is refused as missing.
     */
    static String territory(String kato) {
        String code = Text.blankToNull(kato);
        if (code == null) code = SignedIn.caller().map(c -> c.kato()).orElse("");
        if ((code == null || code.isBlank()) && CurrentScope.get().kind() == kz.bilim.kernel.Scope.Kind.ALL) return null;
        if (code == null || code.isBlank())
            throw Refusal.invalid("kato", "error.field.required").exception();
        code = code.trim();
        if (!KatoCode.isWellFormed(code)) throw Refusal.invalid("kato", KatoCode.FORMAT_REASON).exception();
        var scope = CurrentScope.get();
        String prefix = new KatoCode(code).scopePrefix();
        boolean inside = switch (scope.kind()) {
            case ALL -> true;
            case KATO -> prefix.startsWith(scope.katoPrefix());
            default -> false;
        };
        if (!inside) throw Refusal.notFound("territory", code).exception();
        return code;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private List<ChildRecord> withSources(List<ChildRecord> children) {
        if (children.isEmpty()) return children;
        var ids = children.stream().map(ChildRecord::id).toList();
        var sources = jdbc.sql(SOURCES).param("ids", ids).query((rs, n) -> Map.entry(rs.getLong("child_id"),
                new ChildRecord.SourceRecord(ChildSource.valueOf(rs.getString("source")), rs.getString("origin"),
                        rs.getBoolean("active"), rs.getString("iin"), rs.getString("last_name"),
                        rs.getString("first_name"), rs.getString("patronymic"),
                        rs.getObject("birth_date", LocalDate.class), rs.getString("sex"), rs.getString("citizenship"),
                        rs.getString("residence_kato"), rs.getString("organisation_bin"),
                        rs.getObject("grade", Integer.class)))).list()
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        var result = new ArrayList<ChildRecord>(children.size());
        for (var c : children)
            result.add(new ChildRecord(c.id(), c.iin(), c.lastName(), c.firstName(), c.patronymic(), c.birthDate(),
                    c.sex(), c.citizenship(), c.kato(), c.exempt(), c.lists(), sources.getOrDefault(c.id(), List.of())));
        return result;
    }

    private static ChildRecord map(ResultSet rs, int n) throws SQLException {
        var lists = Arrays.stream((String[]) rs.getArray("lists").getArray()).map(ChildList::valueOf).toList();
        return new ChildRecord(rs.getLong("id"), rs.getString("iin"), rs.getString("last_name"),
                rs.getString("first_name"), rs.getString("patronymic"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("sex"), rs.getString("citizenship"), rs.getString("kato"), rs.getBoolean("exempt"),
                lists, List.of());
    }
}
