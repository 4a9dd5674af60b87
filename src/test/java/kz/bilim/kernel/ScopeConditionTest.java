package kz.bilim.kernel;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeConditionTest {

    static final String QUERY = "select 1 from enrolment e where e.id = :id and {scope: kato=e.kato, organisation=e.organisation_id}";

    @Test
    @DisplayName("the whole country needs no condition; nothing matches no row")
    void allAndNone() {
        assertThat(ScopeCondition.of(Scope.all(true)).expand(QUERY)).endsWith("and true");
        assertThat(ScopeCondition.of(Scope.none()).expand(QUERY)).endsWith("and false");
    }

    @Test
    @DisplayName("a territory is a range of nine-digit codes that a B-tree index serves")
    void territoryIsARange() {
        var condition = ScopeCondition.of(Scope.territory("3110"));
        assertThat(condition.expand(QUERY)).endsWith("and (e.kato between :scopeFrom and :scopeTo)");
        assertThat(condition.params()).containsEntry("scopeFrom", "311000000").containsEntry("scopeTo", "311099999");
    }

    @Test
    @DisplayName("an organisation's scope matches its own rows, and no row of a table that has no organisation column")
    void organisation() {
        var condition = ScopeCondition.of(Scope.organisation(42));
        assertThat(condition.expand(QUERY)).endsWith("and (e.organisation_id = :scopeOrg)");
        assertThat(condition.params()).containsEntry("scopeOrg", 42L);
        assertThat(condition.expand("select 1 from person p where {scope: kato=p.residence_kato}")).endsWith("false");
    }

    @Test
    @DisplayName("several placeholders share the values; stored region and district prefixes serve the audit trail")
    void prefixesAndSeveralPlaceholders() {
        var rural = ScopeCondition.of(Scope.territory("311020"));
        String audit = rural.expand("select 1 from audit_event where {scope: region=region_prefix, district=district_prefix, kato=kato}");
        assertThat(audit).endsWith("(district_prefix = :scopeDistrict and kato like :scopeCode)");
        assertThat(rural.params()).containsEntry("scopeDistrict", "3110").containsEntry("scopeCode", "311020%");
        assertThat(ScopeCondition.of(Scope.territory("31")).expand("{scope: region=r, district=d, kato=k}"))
                .isEqualTo("(r = :scopeRegion)");
        assertThat(rural.expand("{scope: kato=a} or {scope: kato=b}")).contains("a between").contains("b between");
    }

    @Test
    @DisplayName("a query without a placeholder, or with a column that is not a plain name, is a programming error")
    void refusesMalformedTemplates() {
        var condition = ScopeCondition.of(Scope.all(true));
        assertThatThrownBy(() -> condition.expand("select 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> condition.expand("{scope: kato=e.kato or true}")).isInstanceOf(IllegalArgumentException.class);
    }
}
