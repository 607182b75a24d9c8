package dev.vidgen.adapter.jdk;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.transport.tck.BodySuite;

/** The TCK's BodySuite on JdkHttpTransport. */
class JdkHttpTransportBodyTest extends BodySuite {

    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return JdkHttpTransport.create(settings);
    }
}
