package kz.bilim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTest {

    /** Where the drawn diagrams are committed. {@code -Dbilim.writeDocs} rewrites them from the code. */
    static final Path DIAGRAMS = Path.of("docs/modules");

    private static final Pattern COMPONENT = Pattern.compile("^\\s*Component\\([\\w.]+\\.(\\w+), .*");
    private static final Pattern RELATION = Pattern.compile("^Rel\\([\\w.]+\\.(\\w+), [\\w.]+\\.(\\w+), \"([^\"]*)\".*");

    private final ApplicationModules modules = ApplicationModules.of(BilimApplication.class);

    @Test
    @DisplayName("modules talk only through their public API and events (architecture.md)")
    void modulesRespectTheirBoundaries() {
        modules.verify();
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("kernel", "identity", "calendar", "territory", "organisation", "enrolment", "access", "audit", "demo", "staff");
    }

    @Test
    @DisplayName("the module diagrams committed in docs/modules are the ones the Documenter draws from today's code")
    void committedDiagramsAreCurrent(@TempDir Path drawnFolder) throws IOException {
        Map<String, String> drawn = draw(drawnFolder);
        if (System.getProperty("bilim.writeDocs") != null) {
            try (Stream<Path> old = Files.list(DIAGRAMS)) {
                for (Path file : old.filter(f -> f.toString().endsWith(".puml")).toList()) Files.delete(file);
            }
            for (var diagram : drawn.entrySet()) Files.writeString(DIAGRAMS.resolve(diagram.getKey()), diagram.getValue());
        }
        assertThat(read(DIAGRAMS))
                .as("docs/modules is stale: run ./mvnw -o -q test -Dtest=ModularityTest -Dbilim.writeDocs and commit it")
                .isEqualTo(drawn);
    }

    @Test
    @DisplayName("the diagrams draw every module and exactly the dependencies of the code, the kernel depending on nothing")
    void diagramShowsTheDependenciesOfTheCode(@TempDir Path drawnFolder) throws IOException {
        Map<String, String> drawn = draw(drawnFolder);
        String components = drawn.get("components.puml");

        Set<String> codeArrows = new TreeSet<>();
        for (ApplicationModule module : modules)
            module.getDirectDependencies(modules).uniqueModules()
                    .forEach(target -> codeArrows.add(module.getIdentifier() + " -> " + target.getIdentifier()));
        Set<String> drawnArrows = arrows(components);
        assertThat(drawnArrows).isEqualTo(codeArrows);

        // the overview leaves out a module that neither depends nor is depended on; each module has its own file
        Set<String> connected = new TreeSet<>();
        codeArrows.forEach(a -> connected.addAll(List.of(a.split(" -> "))));
        Set<String> drawnModules = components.lines().map(COMPONENT::matcher).filter(java.util.regex.Matcher::matches)
                .map(m -> m.group(1).toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(drawnModules).contains("kernel").isEqualTo(connected);
        assertThat(drawn.keySet()).containsAll(modules.stream().map(m -> "module-" + m.getIdentifier() + ".puml").toList());

        assertThat(drawnArrows).as("arrows out of the kernel").noneMatch(a -> a.startsWith("kernel -> "));
        assertThat(drawnArrows).as("arrows into the kernel").isNotEmpty().anyMatch(a -> a.endsWith(" -> kernel"));
        assertThat(drawn.get("module-kernel.puml")).as("the kernel's own diagram: no neighbours")
                .containsOnlyOnce("Component(").doesNotContain("Rel(");
    }

    @Test
    @DisplayName("drawing twice gives byte-identical files, whatever order the Documenter creates components and relations in")
    void drawingIsDeterministic(@TempDir Path first, @TempDir Path second) throws IOException {
        Map<String, String> once = draw(first);
        assertThat(draw(second)).isEqualTo(once);

        // The Documenter numbers components and relations in hash order and Structurizr writes them by number: any
        // order of those lines must come out as the same file.
        var random = new Random(42);
        for (var diagram : once.entrySet()) {
            for (int i = 0; i < 5; i++) {
                List<String> lines = new ArrayList<>(diagram.getValue().lines().toList());
                shuffleRuns(lines, COMPONENT, random);
                shuffleRuns(lines, RELATION, random);
                assertThat(canonical(String.join("\n", lines) + "\n")).as(diagram.getKey()).isEqualTo(diagram.getValue());
            }
        }
    }

    /** Every diagram the Documenter draws from the code, by file name, in canonical line order. */
    private Map<String, String> draw(Path folder) throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        Map<String, String> drawn = new TreeMap<>();
        read(folder).forEach((name, text) -> drawn.put(name, canonical(text)));
        return drawn;
    }

    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(f -> f.toString().endsWith(".puml")).toList())
                files.put(file.getFileName().toString(), Files.readString(file));
        }
        return files;
    }

    /**
     * The diagram with each run of Component lines and each run of Rel lines sorted. The Documenter creates
     * components from a hash map of modules and relations from sets of dependencies, and Structurizr writes both in
     * creation order: unsorted, the files change whenever hash codes do (another module, another test run before).
     */
    static String canonical(String diagram) {
        List<String> lines = new ArrayList<>(diagram.lines().toList());
        sortRuns(lines, COMPONENT);
        sortRuns(lines, RELATION);
        return String.join("\n", lines) + "\n";
    }

    private static void sortRuns(List<String> lines, Pattern kind) {
        forEachRun(lines, kind, Collections::sort);
    }

    private static void shuffleRuns(List<String> lines, Pattern kind, Random random) {
        forEachRun(lines, kind, run -> Collections.shuffle(run, random));
    }

    private static void forEachRun(List<String> lines, Pattern kind, java.util.function.Consumer<List<String>> action) {
        int i = 0;
        while (i < lines.size()) {
            if (!kind.matcher(lines.get(i)).matches()) {
                i++;
                continue;
            }
            int end = i;
            while (end < lines.size() && kind.matcher(lines.get(end)).matches()) end++;
            action.accept(lines.subList(i, end));
            i = end;
        }
    }

    /** "source -> target" for every relation drawn, module identifiers in lower case. */
    private static Set<String> arrows(String diagram) {
        return diagram.lines().map(RELATION::matcher).filter(java.util.regex.Matcher::matches)
                .map(m -> m.group(1).toLowerCase(Locale.ROOT) + " -> " + m.group(2).toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
