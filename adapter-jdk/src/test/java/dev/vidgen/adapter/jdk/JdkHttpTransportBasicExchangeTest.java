package dev.vidgen.adapter.jdk;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.transport.tck.BasicExchangeSuite;

/** The TCK's BasicExchangeSuite on JdkHttpTransport. */
class JdkHttpTransportBasicExchangeTest extends BasicExchangeSuite {

    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return JdkHttpTransport.create(settings);
    }
}
