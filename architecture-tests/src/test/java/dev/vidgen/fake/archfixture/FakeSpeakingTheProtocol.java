package dev.vidgen.fake.archfixture;

import dev.vidgen.client.error.VidgenException;
import dev.vidgen.client.protocol.FoxApiCodec;

/** Keeps the fake API rule: the protocol module's packages are allowed (fixture for RulesBiteTest). */
public class FakeSpeakingTheProtocol {
    public Class<?>[] protocol() {
        return new Class<?>[] {FoxApiCodec.class, VidgenException.class};
    }
}
