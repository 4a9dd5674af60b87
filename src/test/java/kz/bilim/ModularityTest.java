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
                .contains("kernel", "identity", "calendar", "territory", "organisation", "enrolment", "access", "audit", "demo", "staff");
    }

    @Test
    @DisplayName("the module diagram in docs/ is drawn from the code")
    void writesModuleDiagram() throws java.io.IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("docs/modules"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".puml")).toList()) sortRelations(file);
        }
        assertThat(new java.io.File("docs/modules/components.puml")).exists();
    }

    /** The Documenter writes relations in hash order; sorted, the committed diagrams change only when the code does. */
    private static void sortRelations(java.nio.file.Path file) throws java.io.IOException {
        var lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(file));
        var relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().iterator();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("Rel(")) lines.set(i, relations.next());
        java.nio.file.Files.write(file, lines);
    }
}
