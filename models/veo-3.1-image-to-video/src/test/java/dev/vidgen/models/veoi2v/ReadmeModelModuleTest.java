package dev.vidgen.models.veoi2v;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.domain.validation.Violation;
import jakarta.validation.Constraint;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import dev.vidgen.testkit.models.ModelFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README section "Writing a model module" is complete and true: its excerpts are in the files
 * they name, its file list is the worked example's whole source, and following it (copy the listed
 * files, apply its renames) gives a third module that compiles against the domain alone, is found
 * by ServiceLoader and validates.
 */
class ReadmeModelModuleTest {

    static final String SECTION = "## Writing a model module";
    static final String EXAMPLE_DIR = "models/veo-3.1-image-to-video/";
    /** A code block that is an excerpt starts by naming its file: {@code // path}, {@code <!-- path -->} or {@code # path}. */
    static final Pattern EXCERPT_HEADER = Pattern.compile("^(?://|<!--|#)\\s*(models/\\S+)(?:\\s+\\(abridged\\))?\\s*(?:-->)?$");
    static final Pattern ELISION = Pattern.compile("^(?://|<!--)\\s*\\.\\.\\..*$");
    static final Pattern RENAME_ROW = Pattern.compile("^\\|\\s*([^|]+?)\\s*\\|\\s*`([^`]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|$");

    static Path root;
    static String section;

    @BeforeAll
    static void readTheSection() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && root == null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve(EXAMPLE_DIR))) {
                root = dir;
            }
        }
        assertThat(root).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        String readme = Files.readString(root.resolve("README.md"));
        int start = readme.indexOf(SECTION);
        assertThat(start).as("README.md has the section " + SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + SECTION.length());
        section = end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    /** The fenced code blocks of the section, without their fences and common indentation. */
    static List<List<String>> codeBlocks() {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        int indent = 0;
        for (String line : section.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                if (current == null) {
                    current = new ArrayList<>();
                    indent = line.indexOf('`');
                } else {
                    blocks.add(current);
                    current = null;
                }
            } else if (current != null) {
                current.add(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line.strip());
            }
        }
        return blocks;
    }

    @Test
    void everyExcerptIsInTheFileItNamesInOrder() throws IOException {
        int excerpts = 0;
        for (List<String> block : codeBlocks()) {
            Matcher header = block.isEmpty() ? null : EXCERPT_HEADER.matcher(block.get(0).strip());
            if (header == null || !header.matches()) {
                continue;
            }
            excerpts++;
            Path file = root.resolve(header.group(1));
            assertThat(file).as("the file an excerpt names").isRegularFile();
            List<String> fileLines = Files.readAllLines(file).stream().map(String::strip).toList();
            int at = -1;
            for (String line : block.subList(1, block.size())) {
                String wanted = line.strip();
                if (wanted.isEmpty() || ELISION.matcher(wanted).matches()) {
                    continue;
                }
                int found = -1;
                for (int i = at + 1; i < fileLines.size() && found < 0; i++) {
                    if (fileLines.get(i).equals(wanted)) {
                        found = i;
                    }
                }
                if (found < 0) {
                    fail("README excerpt of " + header.group(1) + ": line not found (after line " + (at + 1) + "): " + wanted);
                }
                at = found;
            }
        }
        assertThat(excerpts).as("excerpts of the worked example").isGreaterThanOrEqualTo(4);
    }

    /** The files the section lists for the worked example, relative to its directory. */
    static List<String> listedFiles() {
        for (List<String> block : codeBlocks()) {
            if (!block.isEmpty() && block.get(0).strip().equals(EXAMPLE_DIR)) {
                return block.subList(1, block.size()).stream().map(String::strip).filter(l -> !l.isEmpty())
                        .map(l -> l.split("\\s+")[0]).toList();
            }
        }
        throw new AssertionError("README lists no files under " + EXAMPLE_DIR);
    }

    @Test
    void theFileListIsTheWorkedExamplesWholeSource() throws IOException {
        Path module = root.resolve(EXAMPLE_DIR);
        List<String> actual;
        try (Stream<Path> files = Files.walk(module.resolve("src/main"))) {
            actual = Stream.concat(Stream.of("pom.xml"),
                    files.filter(Files::isRegularFile).map(p -> module.relativize(p).toString().replace('\\', '/'))).toList();
        }
        assertThat(listedFiles()).containsExactlyInAnyOrderElementsOf(actual);
    }

    /** The renames of the section's table, in its order. */
    static Map<String, String> renames() {
        Map<String, String> renames = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            Matcher m = RENAME_ROW.matcher(line.strip());
            if (m.matches()) {
                renames.put(m.group(2), m.group(3));
            }
        }
        assertThat(renames).as("the rename table").containsKeys("dev.vidgen.models.veoi2v", "veo-3.1-", "veo-i2v.");
        return renames;
    }

    static String renamed(String text, Map<String, String> renames) {
        String out = text;
        for (Map.Entry<String, String> e : renames.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
            // a package is a directory too
            out = out.replace(e.getKey().replace('.', '/'), e.getValue().replace('.', '/'));
        }
        return out;
    }

    @Test
    void followingTheStepsMakesAThirdModuleThatCompilesRegistersAndValidates(@TempDir Path tmp) throws Exception {
        Map<String, String> renames = renames();
        Path module = tmp.resolve("acme-module");
        for (String file : listedFiles()) {
            Path target = module.resolve(renamed(file, renames));
            Files.createDirectories(target.getParent());
            Files.writeString(target, renamed(Files.readString(root.resolve(EXAMPLE_DIR).resolve(file)), renames));
        }
        assertThat(compileDependencies(module.resolve("pom.xml"))).as("the new module's compile dependencies")
                .containsExactly("dev.vidgen:vidgen-domain");

        Path classes = compile(module, tmp.resolve("classes"));
        try (Stream<Path> resources = Files.walk(module.resolve("src/main/resources"))) {
            for (Path r : resources.filter(Files::isRegularFile).toList()) {
                Path target = classes.resolve(module.resolve("src/main/resources").relativize(r).toString());
                Files.createDirectories(target.getParent());
                Files.copy(r, target);
            }
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            List<ModelFamily<?>> found = new ArrayList<>();
            ServiceLoader.load(ModelFamily.class, loader).forEach(found::add);
            ModelFamily<?> acme = found.stream().filter(f -> f.getClass().getName().startsWith("com.example.acme.")).findFirst()
                    .orElseThrow(() -> new AssertionError("ServiceLoader did not find the new family; found "
                            + found.stream().map(f -> f.getClass().getName()).toList()));
            assertThat(acme.getClass().getClassLoader()).isSameAs(loader);
            assertThat(acme.modelIds()).containsExactly("acme-1-image-to-video", "acme-1-fast-image-to-video", "acme-1-lite-image-to-video");

            ModelCatalog catalog = ModelCatalog.of(found);
            assertThat(catalog.modelIds()).contains("veo-3.1-image-to-video", "acme-1-image-to-video");
            FoxApiCodec codec = new FoxApiCodec(catalog);

            String example = VeoI2vExampleTest.pageBody().replace("veo-3.1-image-to-video", "acme-1-image-to-video");
            VideoRequest request = codec.decodeRequest(example.getBytes(StandardCharsets.UTF_8));
            assertThat(request.getClass().getName()).isEqualTo("com.example.acme.VeoImageToVideoRequest");
            assertThat(ModelFixtures.violations(request)).isEmpty();
            assertThat(new String(codec.encodeRequest(request), StandardCharsets.UTF_8)).isEqualTo(example);

            VideoRequest bad = codec.decodeRequest(("{\"model\":\"acme-1-lite-image-to-video\",\"prompt\":\"p\","
                    + "\"image_url\":\"https://example.com/a.jpg\",\"safety_tolerance\":2,\"duration\":5}").getBytes(StandardCharsets.UTF_8));
            assertThat(ModelFixtures.violations(bad)).extracting(Violation::ruleId, Violation::path).containsExactlyInAnyOrder(
                    tuple("acme-i2v.duration", "duration"),
                    tuple("acme-i2v.variant.safety-tolerance", "safetyTolerance"));
            try {
                codec.decodeRequest("{\"model\":\"acme-1-image-to-video\",\"prompt\":\"p\",\"image_url\":\"https://e.com/a.jpg\",\"aspect_ratio\":\"1:1\"}"
                        .getBytes(StandardCharsets.UTF_8));
                fail("a value outside the closed set was bound");
            } catch (RequestValidationException e) {
                assertThat(e.violations()).extracting(Violation::ruleId).containsExactly("acme-i2v.aspect-ratio");
            }
            assertThat(ValidationPolicy.switchableRuleIds(catalog)).contains("acme-i2v.variant.safety-tolerance");
        }
    }

    @Test
    void theWorkedExamplesBuildIsWiredAsStepSixSays() throws IOException {
        String parent = Files.readString(root.resolve("pom.xml"));
        String bom = Files.readString(root.resolve("bom/pom.xml"));
        String cli = Files.readString(root.resolve("cli/pom.xml"));
        try (Stream<Path> dirs = Files.list(root.resolve("models"))) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).toList()) {
                String artifact = "<artifactId>vidgen-model-" + dir.getFileName() + "</artifactId>";
                assertThat(Files.readString(dir.resolve("pom.xml"))).contains(artifact);
                assertThat(parent).contains("<module>models/" + dir.getFileName() + "</module>").contains(artifact);
                assertThat(bom).as("bom/pom.xml").contains(artifact);
                assertThat(cli).as("cli/pom.xml").contains(artifact);
            }
        }
    }

    /** groupId:artifactId of each dependency without a scope, or of scope compile. */
    static List<String> compileDependencies(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList dependencies = factory.newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("dependency");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element d = (Element) dependencies.item(i);
            String scope = text(d, "scope");
            if (scope == null || scope.equals("compile")) {
                out.add(text(d, "groupId") + ":" + text(d, "artifactId"));
            }
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    /** Compiles the module's main sources against the domain and Jakarta Validation only; fails with javac's messages. */
    static Path compile(Path module, Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> sources;
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        String classpath = Stream.of(VideoRequest.class, Constraint.class)
                .map(ReadmeModelModuleTest::location).collect(Collectors.joining(File.pathSeparator));
        List<String> options = List.of("--release", "17", "-proc:none", "-Xlint:all", "-Werror", "-cp", classpath, "-d", out.toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler").isNotNull();
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(messages, files, null, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(compiled).as("javac on the new module:%n%s", messages).isTrue();
        }
        return out;
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
