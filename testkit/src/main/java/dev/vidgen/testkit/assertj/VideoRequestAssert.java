package dev.vidgen.testkit.assertj;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.fake.internal.RequestRules;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on a request against the domain's rules (the installed families, every rule on unless
 * {@link #withPolicy} says otherwise); start with {@link VidgenAssertions#assertThat(VideoRequest)}.
 * Paths are in Java names, as in {@link Violation#path()}: {@code imageList[1].type}.
 */
public final class VideoRequestAssert extends AbstractObjectAssert<VideoRequestAssert, VideoRequest> {

    private static final class Installed {
        static final RequestRules RULES = RequestRules.installed();
    }

    private RequestRules rules;

    VideoRequestAssert(VideoRequest actual) {
        super(actual, VideoRequestAssert.class);
    }

    /** Checks the following assertions with {@code policy} instead of every rule on. */
    public VideoRequestAssert withPolicy(ValidationPolicy policy) {
        this.rules = new RequestRules(ModelCatalog.loadInstalled(), Objects.requireNonNull(policy, "policy"));
        return this;
    }

    /** The request breaks no rule. */
    public VideoRequestAssert isValid() {
        List<Violation> violations = violations();
        if (!violations.isEmpty()) {
            failWithMessage("Expected the request to be valid but it breaks %s rule(s):%n  %s%nrequest: %s",
                    violations.size(), join(violations), actual);
        }
        return this;
    }

    /** The request breaks at least one rule. */
    public VideoRequestAssert isInvalid() {
        if (violations().isEmpty()) {
            failWithMessage("Expected the request to break a rule but it is valid: %s", actual);
        }
        return this;
    }

    /** The request breaks rule {@code ruleId} (anywhere). */
    public VideoRequestAssert hasViolation(String ruleId) {
        List<Violation> violations = violations();
        if (violations.stream().noneMatch(v -> v.ruleId().equals(ruleId))) {
            failWithMessage("Expected a violation of <%s> but %s", ruleId, describe(violations));
        }
        return this;
    }

    /** The request breaks rule {@code ruleId} at {@code path} (Java names, {@code ""} for the whole request). */
    public VideoRequestAssert hasViolation(String ruleId, String path) {
        List<Violation> violations = violations();
        if (violations.stream().noneMatch(v -> v.ruleId().equals(ruleId) && Objects.equals(v.path(), path))) {
            failWithMessage("Expected a violation of <%s> at <%s> but %s", ruleId, path, describe(violations));
        }
        return this;
    }

    /** The request breaks no rule but these (each at least once). */
    public VideoRequestAssert hasOnlyViolationsOf(String... ruleIds) {
        List<Violation> violations = violations();
        List<String> expected = List.of(ruleIds);
        List<Violation> others = violations.stream().filter(v -> !expected.contains(v.ruleId())).toList();
        List<String> missing = expected.stream().filter(id -> violations.stream().noneMatch(v -> v.ruleId().equals(id))).toList();
        if (!others.isEmpty() || !missing.isEmpty()) {
            failWithMessage("Expected violations of exactly %s but %s", expected, describe(violations));
        }
        return this;
    }

    private List<Violation> violations() {
        isNotNull();
        return (rules != null ? rules : Installed.RULES).validate(actual);
    }

    private static String describe(List<Violation> violations) {
        return violations.isEmpty() ? "the request is valid" : "it has:%n  ".formatted() + join(violations);
    }

    private static String join(List<Violation> violations) {
        return String.join(System.lineSeparator() + "  ", violations.stream().map(Violation::toString).toList());
    }
}
