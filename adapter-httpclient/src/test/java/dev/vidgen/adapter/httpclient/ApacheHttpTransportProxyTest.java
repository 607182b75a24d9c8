package dev.vidgen.adapter.httpclient;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.transport.tck.ProxySuite;

/** The TCK's ProxySuite on ApacheHttpTransport. */
class ApacheHttpTransportProxyTest extends ProxySuite {

    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return ApacheHttpTransport.create(settings);
    }
}
