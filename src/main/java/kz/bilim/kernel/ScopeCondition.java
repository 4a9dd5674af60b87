package kz.bilim.kernel;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way to write the caller's scope into SQL, next to row-level security (which backs it up; the explicit
 * condition is what lets the planner use an index). A query names where its rows are with a placeholder, and the
 * condition is written for the scope's kind — so the whole country costs no condition and a territory is a plain
 * range over a B-tree index:
 * <pre>
 * select … from enrolment e where e.id = :id and {scope: kato=e.kato, organisation=e.organisation_id}
 * </pre>
 * Columns: {@code kato} (a nine-digit code, matched as a {@link KatoRange}), {@code organisation} (matched for an
 * organisation's scope; without it, an organisation's scope sees no row), and, for tables indexed by stored prefixes
 * instead of the code, {@code region} and {@code district} (the code's first two and four digits). A query may hold
 * several placeholders ("lives here or is enrolled here"); they share the bound values {@code scopeFrom},
 * {@code scopeTo}, {@code scopeOrg}, {@code scopeRegion}, {@code scopeDistrict}, {@code scopeCode}.
 * Column names come from the query text, never from input.
 */
public final class ScopeCondition {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{scope:([^}]*)}");
    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    private final Scope scope;

    private ScopeCondition(Scope scope) {
        this.scope = scope;
    }

    public static ScopeCondition of(Scope scope) {
        return new ScopeCondition(scope);
    }

    /** The scope of the work on this thread ({@link CurrentScope#get()}). */
    public static ScopeCondition current() {
        return of(CurrentScope.get());
    }

    public Scope scope() {
        return scope;
    }

    /** The statement with every placeholder written out and the scope's values bound. */
    public JdbcClient.StatementSpec sql(JdbcClient jdbc, String template) {
        return jdbc.sql(expand(template)).params(params());
    }

    /** The query text with every {@code {scope: …}} placeholder replaced by its condition. */
    public String expand(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder sql = new StringBuilder();
        boolean found = false;
        while (matcher.find()) {
            found = true;
            matcher.appendReplacement(sql, Matcher.quoteReplacement(condition(columns(matcher.group(1)))));
        }
        if (!found) throw new IllegalArgumentException("A scoped query needs a {scope: …} placeholder");
        matcher.appendTail(sql);
        return sql.toString();
    }

    /** The values the conditions refer to (all of them, whichever the scope uses, so a template binds alike). */
    public Map<String, Object> params() {
        var params = new HashMap<String, Object>();
        String prefix = scope.kind() == Scope.Kind.KATO ? scope.katoPrefix() : "";
        KatoRange range = KatoRange.under(prefix);
        params.put("scopeFrom", range.first());
        params.put("scopeTo", range.last());
        params.put("scopeOrg", scope.kind() == Scope.Kind.ORG ? scope.organisationId() : -1L);
        params.put("scopeRegion", prefix.length() >= 2 ? prefix.substring(0, 2) : "");
        params.put("scopeDistrict", prefix.length() >= 4 ? prefix.substring(0, 4) : "");
        params.put("scopeCode", prefix + "%");
        return params;
    }

    private String condition(Map<String, String> columns) {
        String kato = columns.get("kato");
        String organisation = columns.get("organisation");
        return switch (scope.kind()) {
            case ALL -> "true";
            case NONE -> "false";
            case ORG -> organisation == null ? "false" : "(" + organisation + " = :scopeOrg)";
            case KATO -> territory(columns, kato);
        };
    }

    private String territory(Map<String, String> columns, String kato) {
        if (kato == null) return "false";
        String region = columns.get("region");
        if (region == null) return "(" + kato + " between :scopeFrom and :scopeTo)";
        // Stored prefixes are compared with =, which is leakproof, so an index on them serves under row-level
        // security; a subtree deeper than a district adds the code itself as a filter on top.
        String prefix = scope.katoPrefix();
        String district = columns.get("district");
        String condition = prefix.length() < 4 || district == null
                ? region + " = :scopeRegion" : district + " = :scopeDistrict";
        if (prefix.length() != 2 && prefix.length() != 4) condition += " and " + kato + " like :scopeCode";
        return "(" + condition + ")";
    }

    private static Map<String, String> columns(String spec) {
        var columns = new LinkedHashMap<String, String>();
        for (String part : spec.split(",")) {
            String[] pair = part.trim().split("=");
            if (pair.length != 2 || !COLUMN.matcher(pair[1].trim()).matches()
                    || !java.util.Set.of("kato", "organisation", "region", "district").contains(pair[0].trim()))
                throw new IllegalArgumentException("Not a scope column: " + part);
            columns.put(pair[0].trim(), pair[1].trim());
        }
        return columns;
    }
}
