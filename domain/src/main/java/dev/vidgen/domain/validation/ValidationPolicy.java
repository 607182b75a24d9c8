package dev.vidgen.domain.validation;

import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.catalog.ModelFamily;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rules are in force. All rules are on by default; a rule documented upstream (not on the
 * seed page) can be switched off by id, for example when foxapi lifts a Kling limit before vidgen
 * knows of it. Rules from the seed pages ({@link RuleIds#SEED}) cannot be switched off.
 *
 * <pre>{@code
 * ValidationPolicy policy = ValidationPolicy.defaults().disable("kling.image.count");
 * }</pre>
 *
 * <p>The policy filters violations after validation, so Bean Validation providers that know
 * nothing of it (Spring's {@code @Valid}) see every rule on.
 *
 * @param disabledRuleIds the rules switched off
 */
public record ValidationPolicy(Set<String> disabledRuleIds) {

    /**
     * A policy with these rules switched off.
     *
     * @throws IllegalArgumentException if an id is one of the seed rules
     */
    public ValidationPolicy {
        disabledRuleIds = Set.copyOf(disabledRuleIds);
        for (String id : disabledRuleIds) {
            if (RuleIds.SEED.contains(id)) {
                throw notSwitchable(id, RuleIds.UPSTREAM);
            }
        }
    }

    /** Every rule on. */
    public static ValidationPolicy defaults() {
        return new ValidationPolicy(Set.of());
    }

    /**
     * This policy with the given rules switched off as well. Only rules documented upstream may be
     * switched off: those of {@link RuleIds#UPSTREAM} and the {@link ModelFamily#upstreamRuleIds()}
     * of every family installed through {@link java.util.ServiceLoader}.
     *
     * @throws IllegalArgumentException naming the ids that may be switched off, for any other id
     */
    public ValidationPolicy disable(String... ruleIds) {
        return disable(ModelCatalog.loadInstalled(), ruleIds);
    }

    /**
     * Like {@link #disable(String...)}, for the families of the given catalog (for families
     * registered without ServiceLoader, e.g. through Guice).
     */
    public ValidationPolicy disable(ModelCatalog catalog, String... ruleIds) {
        Set<String> switchable = switchableRuleIds(catalog);
        Set<String> disabled = new LinkedHashSet<>(disabledRuleIds);
        for (String id : Arrays.asList(ruleIds)) {
            Objects.requireNonNull(id, "rule id");
            if (!switchable.contains(id)) {
                throw notSwitchable(id, switchable);
            }
            disabled.add(id);
        }
        return new ValidationPolicy(disabled);
    }

    /** The rule ids that may be switched off with the given catalog's families, sorted. */
    public static Set<String> switchableRuleIds(ModelCatalog catalog) {
        Set<String> ids = new TreeSet<>(RuleIds.UPSTREAM);
        for (ModelFamily<?> family : catalog.families()) {
            ids.addAll(family.upstreamRuleIds());
        }
        return ids;
    }

    /** Whether the rule is in force. */
    public boolean isEnabled(String ruleId) {
        return !disabledRuleIds.contains(ruleId);
    }

    /** The violations of rules in force, in their order. */
    public List<Violation> filter(List<Violation> violations) {
        return violations.stream().filter(v -> isEnabled(v.ruleId())).toList();
    }

    private static IllegalArgumentException notSwitchable(String id, Set<String> switchable) {
        String why = RuleIds.SEED.contains(id) ? "comes from the API's own documentation and cannot be switched off"
                : "is not a rule that can be switched off";
        return new IllegalArgumentException("rule " + id + " " + why + "; rules that can: "
                + String.join(", ", new TreeSet<>(switchable)));
    }
}
