package dev.vidgen.adapter.httpclient;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.transport.tck.PoolAndCloseSuite;

/** The TCK's PoolAndCloseSuite on ApacheHttpTransport. */
class ApacheHttpTransportPoolAndCloseTest extends PoolAndCloseSuite {

    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return ApacheHttpTransport.create(settings);
    }
}
