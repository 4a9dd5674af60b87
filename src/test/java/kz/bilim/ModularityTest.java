package kz.bilim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(BilimApplication.class);

    @Test
    @DisplayName("modules talk only through their public API and events (architecture.md)")
    void modulesRespectTheirBoundaries() {
        modules.verify();
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("identity", "calendar", "territory", "organisation", "enrolment", "access", "audit", "demo");
    }

    @Test
    @DisplayName("the module diagram in docs/ is drawn from the code")
    void writesModuleDiagram() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        assertThat(new java.io.File("docs/modules/components.puml")).exists();
    }
}
