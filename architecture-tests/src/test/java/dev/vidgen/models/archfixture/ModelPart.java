package dev.vidgen.models.archfixture;

/** A class of a model module (fixture for RulesBiteTest). */
public class ModelPart {
}
