package dev.vidgen.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The module graph, read from the modules' poms: what each module may declare outside test scope.
 * The class rules of {@link DependencyRulesTest} see imports; these see what a user's classpath
 * gets (a jar nobody imports still lands in {@code vidgen.jar}). Each rule is shown to bite on a
 * bad pom in the test resources ({@code bad-poms/}).
 */
class ModuleGraphTest {

    /** Test frameworks and DI: never outside test scope in the modules that ship in vidgen.jar. */
    static final Predicate<String> TEST_OR_DI = a -> a.startsWith("junit") || a.startsWith("assertj") || a.equals("guice")
            || a.equals("guava") || a.startsWith("archunit") || a.equals("jqwik");

    /** Module directory to the rule its non-test dependencies (artifact ids) must keep. */
    static final Map<String, Predicate<String>> FORBIDDEN = Map.of(
            "fake-api", TEST_OR_DI.or(Set.of("vidgen-client", "vidgen-testkit", "vidgen-cli",
                    "vidgen-adapter-jdk", "vidgen-adapter-httpclient")::contains),
            "cli", a -> a.equals("vidgen-testkit") || TEST_OR_DI.test(a),
            "transport-tck", a -> a.startsWith("vidgen-") && !Set.of("vidgen-ports", "vidgen-domain", "vidgen-loopback-server").contains(a),
            "adapter-support", a -> a.startsWith("vidgen-") && !Set.of("vidgen-ports", "vidgen-domain").contains(a),
            "loopback-server", a -> true);

    @Test
    void everyModuleDeclaresOnlyWhatTheGraphAllows() throws Exception {
        Path root = root();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Predicate<String>> rule : FORBIDDEN.entrySet()) {
            Path pom = root.resolve(rule.getKey()).resolve("pom.xml");
            assertThat(pom).as("module " + rule.getKey() + " exists, so its rule is not vacuous").isRegularFile();
            problems.addAll(problems(rule.getKey(), pom));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void eachRuleBitesOnABadPom() throws Exception {
        Path bad = Path.of("src/test/resources/bad-poms");
        assertThat(problems("fake-api", bad.resolve("fake-api-with-junit-and-client.xml")))
                .containsExactlyInAnyOrder("fake-api declares junit-jupiter-api", "fake-api declares vidgen-client");
        assertThat(problems("cli", bad.resolve("cli-with-testkit.xml"))).containsExactly("cli declares vidgen-testkit");
        assertThat(problems("transport-tck", bad.resolve("tck-with-client.xml"))).containsExactly("transport-tck declares vidgen-client");
        assertThat(problems("loopback-server", bad.resolve("loopback-with-ports.xml"))).containsExactly("loopback-server declares vidgen-ports");
        assertThat(problems("fake-api", root().resolve("fake-api/pom.xml"))).as("the real fake-api pom").isEmpty();
    }

    /** The non-test dependencies of {@code pom} that the rule of {@code module} forbids. */
    static List<String> problems(String module, Path pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        List<String> found = new ArrayList<>();
        NodeList deps = project.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            if (dep.getParentNode().getParentNode() != project) {
                continue; // only <project><dependencies>, not plugin dependencies or exclusions
            }
            String artifact = text(dep, "artifactId");
            String scope = text(dep, "scope");
            if (!"test".equals(scope) && FORBIDDEN.get(module).test(artifact)) {
                found.add(module + " declares " + artifact);
            }
        }
        return found;
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().trim();
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("domain"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
