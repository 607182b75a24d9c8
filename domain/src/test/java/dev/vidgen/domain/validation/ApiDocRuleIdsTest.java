package dev.vidgen.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rule ids of the repository's API page ({@code docs/api.md}) and of {@link RuleIds} are the same set. */
class ApiDocRuleIdsTest {

    /** {@code [kling.duration.range]}: lowercase words joined by dots, at least one dot. */
    private static final Pattern RULE_ID = Pattern.compile("\\[([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)]");

    /** The repository's root: the first directory above this module that holds the parent pom and {@code domain/}. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("domain"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (pom.xml beside domain/) above " + Path.of("").toAbsolutePath());
    }

    @Test
    void everyRuleIdOfTheApiPageIsADomainConstantAndNoneIsMissing() throws IOException {
        Path api = repositoryRoot().resolve("docs").resolve("api.md");
        Set<String> documented = new TreeSet<>();
        Matcher m = RULE_ID.matcher(Files.readString(api, StandardCharsets.UTF_8));
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).as("rule ids found in docs/api.md").hasSizeGreaterThan(20);
        assertThat(RuleIds.ALL).containsAll(documented);
        assertThat(RuleIds.API).containsExactlyInAnyOrderElementsOf(documented);
    }
}
