package dev.vidgen.testkit.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.validation.Violation;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One rule of a model family as a test case: a request at the edge of the rule, which passes, and
 * one that breaks it alone, which fails with exactly that rule, on that field, with a message
 * saying what is allowed. A module lists its cases and runs {@link #assertEdgePasses()} and
 * {@link #assertBreaksAlone()} over them (a JUnit {@code @MethodSource}).
 *
 * @param ruleId      the rule
 * @param name        what the case shows, for the test's name
 * @param passing     the violations of the passing request (expected none)
 * @param failing     the violations of the failing request (expected exactly one)
 * @param path        the field the violation names
 * @param messagePart a part of its message
 */
public record RuleCase(String ruleId, String name, Supplier<List<Violation>> passing, Supplier<List<Violation>> failing,
                       String path, String messagePart) {

    /** A case given as two JSON bodies (closed sets can only be broken in JSON), read by the client's codec. */
    public static RuleCase json(String ruleId, String name, String pass, String fail, String path, String messagePart) {
        return new RuleCase(ruleId, name, () -> ModelFixtures.violations(pass), () -> ModelFixtures.violations(fail), path, messagePart);
    }

    /** A case given as two typed requests, built when the case runs. */
    public static RuleCase java(String ruleId, String name, Supplier<? extends VideoRequest> pass, Supplier<? extends VideoRequest> fail,
                                String path, String messagePart) {
        return new RuleCase(ruleId, name, () -> ModelFixtures.violations(pass.get()), () -> ModelFixtures.violations(fail.get()),
                path, messagePart);
    }

    /** The request at the edge passes every rule. */
    public void assertEdgePasses() {
        assertThat(passing.get()).as(toString()).isEmpty();
    }

    /** The request breaking the rule fails with it alone, on its field, saying what is allowed. */
    public void assertBreaksAlone() {
        assertThat(failing.get()).as(toString()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo(ruleId);
            assertThat(v.path()).isEqualTo(path);
            assertThat(v.message()).contains(messagePart);
        });
    }

    /** The cases name exactly these rule ids (every rule has a case, no case names an unknown rule). */
    public static void assertCoverExactly(Collection<RuleCase> cases, Collection<String> ruleIds) {
        Set<String> covered = cases.stream().map(RuleCase::ruleId).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).isEqualTo(new TreeSet<>(ruleIds));
    }

    /** The family's capability tables name exactly these rule ids. */
    public static void assertTablesNameExactly(ModelFamily<?> family, Collection<String> ruleIds) {
        Set<String> inTables = family.models().stream().flatMap(m -> m.fields().stream())
                .flatMap(f -> f.ruleIds().stream()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(inTables).isEqualTo(new TreeSet<>(ruleIds));
    }

    /** {@code ruleId: name}, the parameterized test's name. */
    @Override
    public String toString() {
        return ruleId + ": " + name;
    }
}
