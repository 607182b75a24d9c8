package dev.vidgen.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository carries everything its build, tests and comments need: no file points at the
 * specification folder that sat beside it while it was written (its facts are in {@code docs/}, its
 * example requests in domain's test resources), so a fresh clone on its own builds and reads true.
 */
class SelfContainedRepositoryTest {

    /** The specification folder beside the repository, by relative path or by one of its documents; built in pieces so this file does not match itself. */
    static final Pattern OUTSIDE = Pattern.compile("\\.\\./" + "shared\\b|\\bshared/" + "(seeds|(API|MODELS|ARCHITECTURE)" + "\\.md)");

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", ".idea", "node_modules");

    @Test
    void noFileReferencesAPathOutsideTheRepository() throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ModuleGraphTest.root())) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).filter(SelfContainedRepositoryTest::scanned)::iterator) {
                hits.addAll(hits(file));
            }
        }
        assertThat(hits).as("references to a path outside the repository").isEmpty();
    }

    @Test
    void theCheckBites() {
        assertThat(OUTSIDE.matcher("read " + "../" + "shared" + "/" + "seeds/000.txt").find()).isTrue();
        assertThat(OUTSIDE.matcher("see " + "shared/" + "API" + ".md beside the repo").find()).isTrue();
        assertThat(OUTSIDE.matcher("see docs/api.md; a shared/ helper").find()).isFalse();
    }

    private static boolean scanned(Path file) {
        for (Path part : ModuleGraphTest.root().relativize(file)) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> hits(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return found; // a binary file
        }
        for (int i = 0; i < lines.size(); i++) {
            if (OUTSIDE.matcher(lines.get(i)).find()) {
                found.add(ModuleGraphTest.root().relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        return found;
    }
}
