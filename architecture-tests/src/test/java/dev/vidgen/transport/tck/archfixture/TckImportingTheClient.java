package dev.vidgen.transport.tck.archfixture;

import dev.vidgen.client.VideoClient;

/** Breaks the transport TCK rule on purpose: the TCK knows the ports only (fixture for RulesBiteTest). */
public class TckImportingTheClient {
    public Class<?> client() {
        return VideoClient.class;
    }
}
