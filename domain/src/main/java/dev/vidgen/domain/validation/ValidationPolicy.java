package dev.vidgen.domain.validation;

import java.util.List;
import java.util.Set;

/**
 * Which rules are in force. All rules are on by default; a rule documented upstream (not on the
 * seed page) can be switched off by id, for example when foxapi lifts a Kling limit before vidgen
 * knows of it. Rules from the seed pages cannot be switched off.
 *
 * <p>The policy filters violations after validation, so Bean Validation providers that know
 * nothing of it (Spring's {@code @Valid}) see every rule on.
 */
public record ValidationPolicy(Set<String> disabledRuleIds) {

    public ValidationPolicy {
        disabledRuleIds = Set.copyOf(disabledRuleIds);
    }

    /** Every rule on. */
    public static ValidationPolicy defaults() {
        return new ValidationPolicy(Set.of());
    }

    /** Whether the rule is in force. */
    public boolean isEnabled(String ruleId) {
        return !disabledRuleIds.contains(ruleId);
    }

    /** The violations of rules in force. */
    public List<Violation> filter(List<Violation> violations) {
        return violations.stream().filter(v -> isEnabled(v.ruleId())).toList();
    }
}
