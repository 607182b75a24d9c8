package dev.vidgen.cli.archfixture;

import dev.vidgen.testkit.archfixture.TestkitPart;

/** Breaks the CLI rule on purpose: the CLI ships the fakes, never the testkit (fixture for RulesBiteTest). */
public class CliImportingTheTestkit {
    public Object fake() {
        return new TestkitPart();
    }
}
