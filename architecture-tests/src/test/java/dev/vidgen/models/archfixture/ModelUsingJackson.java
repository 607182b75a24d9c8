package dev.vidgen.models.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks the model-module rule on purpose: a model module is as pure as the domain (fixture for RulesBiteTest). */
public class ModelUsingJackson {
    public String toJson(Object o) throws Exception {
        return new ObjectMapper().writeValueAsString(o);
    }
}
