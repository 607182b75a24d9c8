package dev.vidgen.testkit.support;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.ports.http.TransportSettings;

/**
 * Registers {@link JdkTestTransport} through ServiceLoader for the testkit's tests, so that
 * {@code VideoClient.builder()} finds a transport here as it finds a real adapter in a user's project.
 */
public final class JdkTestTransportProvider implements HttpTransportProvider {

    @Override
    public String name() {
        return "jdk-test";
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public HttpTransport create(TransportSettings settings) {
        return new JdkTestTransport();
    }
}
