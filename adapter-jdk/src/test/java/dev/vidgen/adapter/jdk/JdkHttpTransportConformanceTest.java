package dev.vidgen.adapter.jdk;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.testkit.conformance.HttpTransportConformanceSuite;

/** The JDK transport (HTTP/1.1, its default) passes the conformance suite. */
class JdkHttpTransportConformanceTest extends HttpTransportConformanceSuite {

    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return JdkHttpTransport.create(settings);
    }
}
