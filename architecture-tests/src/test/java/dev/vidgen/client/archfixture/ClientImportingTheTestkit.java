package dev.vidgen.client.archfixture;

import dev.vidgen.testkit.archfixture.TestkitPart;

/** Breaks the client rule on purpose (fixture for RulesBiteTest). */
public class ClientImportingTheTestkit {
    public Object fake() {
        return new TestkitPart();
    }
}
