package dev.vidgen.adapter.httpclient;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.transport.tck.BodySuite;

/** The TCK's BodySuite on ApacheHttpTransport. */
class ApacheHttpTransportBodyTest extends BodySuite {

    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return ApacheHttpTransport.create(settings);
    }
}
