package kz.bilim.kernel;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomeTest {

    @Test
    @DisplayName("a refusal carries its code, clause and fields out of the domain, and leaves a controller as one exception")
    void refusalTravels() {
        Outcome<Integer> refused = Refusal.byRule("TR-10", new FieldError("classId", "enrolment.class.full", 25)).outcome();
        assertThat(refused.isDone()).isFalse();
        assertThat(refused.map(n -> n + 1)).isInstanceOf(Outcome.Refused.class);
        assertThatThrownBy(refused::orElseThrow).isInstanceOfSatisfying(RefusedException.class, e -> {
            assertThat(e.refusal().code()).isEqualTo(Refusal.Code.RULE_REFUSED);
            assertThat(e.refusal().clause()).isEqualTo("TR-10");
            assertThat(e.refusal().errors()).extracting(FieldError::field).containsExactly("classId");
        });
        assertThat(Outcome.done(1).map(n -> n + 1).orElseThrow()).isEqualTo(2);
    }
}
