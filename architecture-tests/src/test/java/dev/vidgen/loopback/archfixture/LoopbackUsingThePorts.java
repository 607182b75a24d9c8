package dev.vidgen.loopback.archfixture;

import dev.vidgen.ports.http.HttpTransport;

/** Breaks the loopback server rule on purpose: it depends on nothing but the JDK (fixture for RulesBiteTest). */
public class LoopbackUsingThePorts {
    public Class<?> port() {
        return HttpTransport.class;
    }
}
