package dev.vidgen.fake.archfixture;

import org.junit.jupiter.api.Assertions;

/** Breaks the fake API rule on purpose: a test framework in production code (fixture for RulesBiteTest). */
public class FakeUsingJUnit {
    public void check(boolean ok) {
        Assertions.assertTrue(ok);
    }
}
