package dev.vidgen.domain.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks the domain rules on purpose (fixture for RulesBiteTest). */
public class DomainUsingJackson {
    public String toJson(Object o) throws Exception {
        return new ObjectMapper().writeValueAsString(o);
    }
}
