package dev.vidgen.testkit.models;

import dev.vidgen.domain.catalog.ModelFamily;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule-case runner of a model module: extend it, list the family's {@link RuleCase}s, and
 * every case's edge passes, every case's break fails alone, the cases cover exactly the family's
 * rule ids and so do its capability tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RuleCasesContract {

    private final List<RuleCase> cases;
    private final ModelFamily<?> family;
    private final Collection<String> ruleIds;

    /**
     * For subclasses.
     *
     * @param cases   one case at least per rule of the family
     * @param family  the family under test
     * @param ruleIds every rule id of the family
     */
    protected RuleCasesContract(List<RuleCase> cases, ModelFamily<?> family, Collection<String> ruleIds) {
        this.cases = List.copyOf(cases);
        this.family = family;
        this.ruleIds = List.copyOf(ruleIds);
    }

    /** The cases, for the parameterized tests. */
    public Stream<RuleCase> allCases() {
        return cases.stream();
    }

    /** The request at the edge of the rule passes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    public void theEdgeCasePasses(RuleCase c) {
        c.assertEdgePasses();
    }

    /** Breaking the rule alone fails with its id, on its field, saying what is allowed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    public void breakingTheRuleAloneFailsWithItsIdOnItsField(RuleCase c) {
        c.assertBreaksAlone();
    }

    /** Every rule id has a case, and no case names another. */
    @Test
    public void theCasesCoverEveryRuleIdOfTheFamily() {
        RuleCase.assertCoverExactly(cases, ruleIds);
    }

    /** The capability tables name exactly the family's rule ids. */
    @Test
    public void theCapabilityTablesNameExactlyTheFamilysRuleIds() {
        RuleCase.assertTablesNameExactly(family, ruleIds);
    }
}
