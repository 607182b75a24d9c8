package dev.vidgen.adapter.jdk;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.transport.tck.PoolAndCloseSuite;

/** The TCK's PoolAndCloseSuite on JdkHttpTransport. */
class JdkHttpTransportPoolAndCloseTest extends PoolAndCloseSuite {

    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return JdkHttpTransport.create(settings);
    }
}
