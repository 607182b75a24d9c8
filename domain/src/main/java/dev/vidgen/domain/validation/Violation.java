package dev.vidgen.domain.validation;

/**
 * One broken rule in a request.
 *
 * @param ruleId        the rule's id as written in docs/api.md, for example {@code kling.duration.range}
 * @param path          the field path in Java names, for example {@code imageList[1].type}; empty for the whole request
 * @param rejectedValue the value that broke the rule, may be {@code null}
 * @param message       a sentence a user can act on
 */
public record Violation(String ruleId, String path, Object rejectedValue, String message) {

    @Override
    public String toString() {
        return (path == null || path.isEmpty() ? "<request>" : path) + ": " + message + " [" + ruleId + "]";
    }
}
