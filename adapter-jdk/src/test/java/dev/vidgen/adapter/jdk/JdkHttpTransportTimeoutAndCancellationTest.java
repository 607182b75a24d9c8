package dev.vidgen.adapter.jdk;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.transport.tck.TimeoutAndCancellationSuite;

/** The TCK's TimeoutAndCancellationSuite on JdkHttpTransport. */
class JdkHttpTransportTimeoutAndCancellationTest extends TimeoutAndCancellationSuite {

    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return JdkHttpTransport.create(settings);
    }
}
