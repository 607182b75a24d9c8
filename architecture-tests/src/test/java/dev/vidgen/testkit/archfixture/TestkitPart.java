package dev.vidgen.testkit.archfixture;

/** A class of the testkit (fixture for RulesBiteTest). */
public class TestkitPart {
}
