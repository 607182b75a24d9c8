package dev.vidgen.transport.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vidgen.ports.http.BodyHandler;
import dev.vidgen.ports.http.BodyHandlers;
import dev.vidgen.ports.http.BodySink;
import dev.vidgen.ports.http.BodyTooLargeException;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.ports.http.TransportSettings.ProxySettings;
import dev.vidgen.transport.tck.LoopbackHttpServer.RecordedRequest;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proxies: an explicit proxy gets the absolute-form request and its credentials answer its
 * challenge; those credentials never go to the server; without an explicit proxy the JVM's proxy
 * properties apply. The loopback server doubles as the proxy (it routes absolute-form requests by
 * their path), and the target is a closed port, so only the proxy can answer.
 */
public abstract class ProxySuite extends TransportTck {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** An explicit proxy with credentials answers its own 407 challenge and carries the request. */
    @Test
    public void explicitProxyGetsTheAbsoluteFormRequestAndAnswersItsChallenge() {
        String expected = "Basic " + Base64.getEncoder().encodeToString("proxy-user:proxy-secret".getBytes(StandardCharsets.UTF_8));
        server().requireProxyAuthorization(expected);
        ProxySettings proxy = new ProxySettings("127.0.0.1", server().port(), "proxy-user", "proxy-secret".toCharArray());
        URI target = URI.create("http://127.0.0.1:" + LoopbackHttpServer.closedPort() + "/echo");
        try (HttpTransport t = createTransport(baseSettings().withProxy(proxy))) {
            HttpResponse<byte[]> r = t.send(new HttpRequest("POST", target, Map.of(), "via proxy".getBytes(StandardCharsets.UTF_8), TIMEOUT), BUFFER);
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("via proxy");
        }
        List<RecordedRequest> seen = server().drainRequests();
        assertThat(seen).extracting(RecordedRequest::target).containsOnly(target.toString());
        assertThat(seen.get(seen.size() - 1).header("Proxy-Authorization")).contains(expected);
    }

    /** The proxy's credentials are not offered to the server's own 401. */
    @Test
    public void proxyCredentialsAreNotOfferedToTheServer() {
        ProxySettings proxy = new ProxySettings("127.0.0.1", server().port(), "proxy-user", "proxy-secret".toCharArray());
        URI target = URI.create("http://127.0.0.1:" + LoopbackHttpServer.closedPort() + "/status/401");
        try (HttpTransport t = createTransport(baseSettings().withProxy(proxy))) {
            assertThat(t.send(new HttpRequest("GET", target, Map.of(), null, TIMEOUT), BUFFER).status()).isEqualTo(401);
        }
        List<RecordedRequest> seen = server().drainRequests();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).header("Authorization")).isEmpty();
        assertThat(seen.get(0).header("Proxy-Authorization")).isEmpty();
    }

    /** Without an explicit proxy, {@code http.proxyHost} and friends apply. */
    @Test
    public void withoutExplicitProxyTheJvmProxyPropertiesApply() {
        String[] keys = {"http.proxyHost", "http.proxyPort", "http.nonProxyHosts"};
        String[] saved = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            saved[i] = System.getProperty(keys[i]);
        }
        URI target = URI.create("http://127.0.0.1:" + LoopbackHttpServer.closedPort() + "/echo");
        try {
            System.setProperty("http.proxyHost", "127.0.0.1");
            System.setProperty("http.proxyPort", String.valueOf(server().port()));
            System.setProperty("http.nonProxyHosts", ""); // the default exempts 127.*
            try (HttpTransport t = createTransport(baseSettings())) {
                assertThat(t.send(new HttpRequest("GET", target, Map.of(), null, TIMEOUT), BUFFER).status()).isEqualTo(200);
            }
            assertThat(server().takeRequest(TIMEOUT).target()).isEqualTo(target.toString());
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], saved[i]);
                }
            }
        }
    }
}
