package dev.vidgen.client.archfixture;

import dev.vidgen.loopback.LoopbackServer;

/** Breaks the loopback server rule on purpose: only the TCK and the fake API may use it (fixture for RulesBiteTest). */
public class ClientUsingTheLoopbackServer {
    public Class<?> server() {
        return LoopbackServer.class;
    }
}
