package dev.vidgen.adapter.jdk;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.transport.tck.ProxySuite;

/** The TCK's ProxySuite on JdkHttpTransport. */
class JdkHttpTransportProxyTest extends ProxySuite {

    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return JdkHttpTransport.create(settings);
    }
}
