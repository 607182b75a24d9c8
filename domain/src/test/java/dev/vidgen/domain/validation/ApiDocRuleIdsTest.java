package dev.vidgen.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rule ids of API.md (shared/API.md beside the repository) and of {@link RuleIds} are the same set. */
class ApiDocRuleIdsTest {

    /** {@code [kling.duration.range]}: lowercase words joined by dots, at least one dot. */
    private static final Pattern RULE_ID = Pattern.compile("\\[([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)]");

    /** shared/ beside the repository root (the directory holding the parent pom and domain/), if present. */
    static Optional<Path> sharedDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("domain"))) {
                Path shared = dir.resolveSibling("shared");
                return Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Test
    void everyRuleIdOfApiMdIsADomainConstantAndNoneIsMissing() throws IOException {
        Path api = sharedDir().map(d -> d.resolve("API.md")).orElse(null);
        assumeTrue(api != null && Files.isRegularFile(api), "shared/API.md not beside the repository");
        Set<String> documented = new TreeSet<>();
        Matcher m = RULE_ID.matcher(Files.readString(api, StandardCharsets.UTF_8));
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).as("rule ids found in API.md").hasSizeGreaterThan(20);
        assertThat(RuleIds.ALL).containsAll(documented);
        assertThat(RuleIds.API).containsExactlyInAnyOrderElementsOf(documented);
    }
}
