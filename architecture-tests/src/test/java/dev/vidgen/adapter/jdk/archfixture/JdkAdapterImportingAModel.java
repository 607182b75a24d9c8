package dev.vidgen.adapter.jdk.archfixture;

import dev.vidgen.models.archfixture.ModelPart;

/** Breaks the model-module rule on purpose: an adapter names a model module's class (fixture for RulesBiteTest). */
public class JdkAdapterImportingAModel {
    public Class<?> model() {
        return ModelPart.class;
    }
}
