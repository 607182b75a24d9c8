package dev.vidgen.adapter.httpclient;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.testkit.conformance.HttpTransportConformanceSuite;

/** The Apache HttpClient 5 transport passes the conformance suite. */
class ApacheHttpTransportConformanceTest extends HttpTransportConformanceSuite {

    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return ApacheHttpTransport.create(settings);
    }
}
