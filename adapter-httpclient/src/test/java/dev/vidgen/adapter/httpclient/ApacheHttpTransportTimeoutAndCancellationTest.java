package dev.vidgen.adapter.httpclient;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.transport.tck.TimeoutAndCancellationSuite;

/** The TCK's TimeoutAndCancellationSuite on ApacheHttpTransport. */
class ApacheHttpTransportTimeoutAndCancellationTest extends TimeoutAndCancellationSuite {

    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return ApacheHttpTransport.create(settings);
    }
}
