package kz.bilim.demo.internal;

import kz.bilim.demo.DemoScale;
import kz.bilim.kernel.Role;
import kz.bilim.signature.PkiIdentity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo users' test certificates: who gets which identity (docs/signature.md). */
class DemoPkiTest {

    static final long SEED = DemoProperties.DEFAULT_SEED;

    @Test
    @DisplayName("every demo user gets an identity with their own IIN; organisation admins carry their organisation's BIN and name")
    void identities() {
        Plan plan = Planner.plan(DemoScale.TINY, SEED, Plan.Ids.EMPTY);
        Map<String, PkiIdentity> byAlias = DemoPki.identities(DemoScale.TINY, SEED).stream()
                .collect(Collectors.toMap(PkiIdentity::alias, Function.identity()));
        assertThat(byAlias.keySet()).containsExactlyInAnyOrderElementsOf(plan.users.stream().map(Plan.DemoUser::username).toList());
        assertThat(byAlias.values().stream().map(PkiIdentity::iin).distinct()).hasSize(plan.users.size());
        for (Plan.DemoUser user : plan.users) {
            PkiIdentity id = byAlias.get(user.username());
            assertThat(id.iin()).isEqualTo(user.iin());
            assertThat(user.iin().birthDate().getYear()).isBetween(1970, 1995);
            if (user.role() == Role.ORGANISATION_ADMIN) {
                assertThat(id.bin()).isEqualTo(user.org().bin);
                assertThat(id.organisation()).isEqualTo(user.org().nameRu);
            } else {
                assertThat(id.bin()).isNull();
            }
        }
        PkiIdentity applicant = byAlias.get("applicant");
        assertThat(applicant.commonName()).isEqualTo("ТОҚТАРОВА ЖАНАР");
        assertThat(applicant.patronymic()).isEqualTo("Мұратқызы");
        assertThat(applicant.iin().sex()).isEqualTo(kz.bilim.identity.Sex.FEMALE);
    }

    @Test
    @DisplayName("a demo user's IIN is the same at every scale and seed; only the organisations' BINs change")
    void sameIinEverywhere() {
        List<PkiIdentity> tiny = DemoPki.identities(DemoScale.TINY, SEED);
        List<PkiIdentity> other = DemoPki.identities(DemoScale.TINY, SEED + 1);
        assertThat(tiny.stream().map(PkiIdentity::iin).toList()).isEqualTo(other.stream().map(PkiIdentity::iin).toList());
    }
}
