package dev.vidgen.fake.archfixture;

import dev.vidgen.client.VideoClient;

/** Breaks the fake API rule on purpose: the client's tests use the fakes, so the fakes must not use the client (fixture for RulesBiteTest). */
public class FakeImportingTheClient {
    public Class<?> client() {
        return VideoClient.class;
    }
}
