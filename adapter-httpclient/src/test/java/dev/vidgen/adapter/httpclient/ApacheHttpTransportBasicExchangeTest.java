package dev.vidgen.adapter.httpclient;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.transport.tck.BasicExchangeSuite;

/** The TCK's BasicExchangeSuite on ApacheHttpTransport. */
class ApacheHttpTransportBasicExchangeTest extends BasicExchangeSuite {

    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return ApacheHttpTransport.create(settings);
    }
}
