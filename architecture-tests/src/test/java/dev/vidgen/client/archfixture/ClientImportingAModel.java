package dev.vidgen.client.archfixture;

import dev.vidgen.models.archfixture.ModelPart;

/** Breaks the model-module rule on purpose: the client names a model module's class (fixture for RulesBiteTest). */
public class ClientImportingAModel {
    public Object model() {
        return new ModelPart();
    }
}
