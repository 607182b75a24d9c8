package dev.vidgen.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.buildchecks.BuiltTree.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * What a repository needs from each published module: a jar with a stable JPMS name in its manifest, and its
 * sources and Javadoc companions. The modules are read from the parent pom, so a new library module is
 * checked as soon as it is listed there.
 */
class PublishedArtifactsIT {

    /** A module name as JPMS accepts it and as vidgen spells it: {@code dev.vidgen.} and lowercase Java identifiers. */
    static final Pattern MODULE_NAME = Pattern.compile("dev\\.vidgen(\\.[a-z][a-z0-9]*)+");

    @Test
    void theParentListsThePublishedModules() throws IOException {
        assertThat(BuiltTree.publishedJars()).extracting(Module::artifactId)
                .contains("vidgen-domain", "vidgen-ports", "vidgen-protocol", "vidgen-client", "vidgen-adapter-httpclient",
                        "vidgen-adapter-jdk", "vidgen-fake-api", "vidgen-testkit", "vidgen-cli")
                .doesNotContain("vidgen-benchmarks", "vidgen-architecture-tests", "vidgen-reliability-tests",
                        "vidgen-check-published-artifacts");
    }

    @Test
    void everyPublishedJarHasItsOwnStableAutomaticModuleName() throws IOException {
        Map<String, String> owners = new HashMap<>();
        for (Module module : BuiltTree.publishedJars()) {
            Path jar = module.jar(null);
            assertThat(jar).as("the jar of " + module.artifactId()).isRegularFile();
            try (JarFile file = new JarFile(jar.toFile())) {
                String name = file.getManifest() == null ? null
                        : file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
                assertThat(name)
                        .as("Automatic-Module-Name of %s (set <vidgen.module.name> in %s/pom.xml)", jar.getFileName(), module.dir())
                        .isNotNull().matches(MODULE_NAME);
                String before = owners.put(name, module.artifactId());
                assertThat(before).as("module name %s is also used by %s", name, before).isNull();
            }
        }
        assertThat(owners).containsEntry("dev.vidgen.client", "vidgen-client");
    }

    @Test
    void everyPublishedJarHasSourcesAndJavadocCompanions() throws IOException {
        for (Module module : BuiltTree.publishedJars()) {
            assertThat(entries(module.jar("sources"))).as("sources jar of " + module.artifactId())
                    .anyMatch(e -> e.endsWith(".java"));
            assertThat(entries(module.jar("javadoc"))).as("javadoc jar of " + module.artifactId())
                    .contains("index.html").anyMatch(e -> e.contains("dev/vidgen/") && e.endsWith(".html"));
        }
    }

    @Test
    void theBomManagesEveryPublishedModule() throws IOException {
        String bom = Files.readString(BuiltTree.root().resolve("bom/pom.xml"));
        for (Module module : BuiltTree.publishedJars()) {
            if (!module.artifactId().equals("vidgen-cli")) { // an application, not a library to depend on
                assertThat(bom).as("bom/pom.xml manages " + module.artifactId())
                        .contains("<artifactId>" + module.artifactId() + "</artifactId>");
            }
        }
    }

    @Test
    void archiveEntriesHaveTheReproducibleTimestamp() throws IOException {
        for (Module module : BuiltTree.publishedJars()) {
            try (JarFile file = new JarFile(module.jar(null).toFile())) {
                // project.build.outputTimestamp: every entry of every build gets the same time
                assertThat(Collections.list(file.entries())).as(module.artifactId())
                        .extracting(e -> e.getLastModifiedTime().toInstant().toString().substring(0, 10))
                        .containsOnly(outputDay());
            }
        }
    }

    private static String outputDay() {
        return System.getProperty("vidgen.outputTimestamp").substring(0, 10);
    }

    private static List<String> entries(Path jar) throws IOException {
        assertThat(jar).isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        }
    }
}
