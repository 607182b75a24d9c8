package dev.vidgen.adapter.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.inject.Guice;
import dev.vidgen.ports.http.BodyHandler;
import dev.vidgen.ports.http.BodyHandlers;
import dev.vidgen.ports.http.BodyTooLargeException;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.transport.tck.LoopbackHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the TCK does not cover: discovery, Guice options, the pool's leases. */
@Timeout(60)
class ApacheHttpTransportTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final BodyHandler<byte[]> BUFFER = BodyHandlers.limited(1024 * 1024);
    private LoopbackHttpServer server;

    @BeforeEach
    void start() {
        server = LoopbackHttpServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void serviceLoaderFindsTheProviderWithNameAndPriority() {
        List<HttpTransportProvider> providers = ServiceLoader.load(HttpTransportProvider.class).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());
        assertThat(providers).hasOnlyElementsOfType(ApacheHttpTransportProvider.class).hasSize(1);
        HttpTransportProvider p = providers.get(0);
        assertThat(p.name()).isEqualTo("apache");
        assertThat(p.priority()).isEqualTo(200);
        try (HttpTransport t = p.create(TransportSettings.defaults())) {
            assertThat(t).isInstanceOf(ApacheHttpTransport.class);
            assertThat(t.name()).isEqualTo("apache");
            assertThat(t.send(get("/echo"), BUFFER).status()).isEqualTo(200);
        }
    }

    @Test
    void guiceModuleBindsTheProviderAndPassesOptions() throws Exception {
        assertThat(Guice.createInjector(new ApacheHttpTransportModule()).getInstance(HttpTransportProvider.class))
                .isInstanceOf(ApacheHttpTransportProvider.class);

        HttpTransportProvider oneIoThread = Guice.createInjector(new ApacheHttpTransportModule(b -> b.ioThreads(1)))
                .getInstance(HttpTransportProvider.class);
        HttpTransportProvider threeIoThreads = Guice.createInjector(new ApacheHttpTransportModule(b -> b.ioThreads(3)))
                .getInstance(HttpTransportProvider.class);
        // waits (bounded) for the reactor's threads rather than counting all threads at one instant
        try (ApacheHttpTransport one = (ApacheHttpTransport) oneIoThread.create(TransportSettings.defaults());
             ApacheHttpTransport three = (ApacheHttpTransport) threeIoThreads.create(TransportSettings.defaults())) {
            assertThat(one.send(get("/echo"), BUFFER).status()).isEqualTo(200);
            assertThat(three.send(get("/echo"), BUFFER).status()).isEqualTo(200);
            // one thread per I/O dispatcher plus the reactor's main thread
            assertThat(until(() -> reactorThreads(one) == 2)).as("reactor threads of ioThreads(1): %d", reactorThreads(one)).isTrue();
            assertThat(until(() -> reactorThreads(three) == 4)).as("reactor threads of ioThreads(3): %d", reactorThreads(three)).isTrue();
        }
    }

    @Test
    void noConnectionStaysLeasedAfterErrorsTimeoutsCapsAndCancellations() throws Exception {
        try (ApacheHttpTransport t = ApacheHttpTransport.create(TransportSettings.defaults().withMaxConnections(2))) {
            assertThat(t.send(post("/status/500"), BUFFER).status()).isEqualTo(500);
            assertThat(catchThrowableOfType(TransportException.class, () -> t.send(get("/reset-body"), BUFFER)).kind())
                    .isEqualTo(TransportException.Kind.IO);
            assertThat(catchThrowableOfType(TransportException.class, () -> t.send(get("/stall").withTimeout(Duration.ofMillis(300)), BUFFER))
                    .kind()).isEqualTo(TransportException.Kind.TIMEOUT);
            assertThat(catchThrowableOfType(TransportException.class, () -> t.send(get("/trickle/20").withTimeout(Duration.ofMillis(300)), BUFFER))
                    .kind()).as("a trickle cut by the whole-exchange deadline").isEqualTo(TransportException.Kind.TIMEOUT);
            assertThat(t.send(get("/endless/404"), BodyHandlers.firstBytes(10)).status()).isEqualTo(404);
            assertThat(catchThrowableOfType(BodyTooLargeException.class, () -> t.send(get("/endless/200"), BodyHandlers.limited(100_000))))
                    .isNotNull();
            assertThat(t.send(get("/bytes/100000"), BUFFER).body()).hasSize(100_000);
            // cancelled at once (before a connection), and once the request is at the server
            t.exchange(get("/stall"), BUFFER).cancel(true);
            CompletableFuture<HttpResponse<byte[]>> atServer = t.exchange(get("/stall"), BUFFER);
            assertThat(until(() -> server.drainRequests().stream().anyMatch(r -> r.path().equals("/stall")))).isTrue();
            atServer.cancel(true);

            assertThat(until(() -> t.poolStats().getLeased() == 0)).as("leased connections: %s", t.poolStats()).isTrue();
            assertThat(t.poolStats().getPending()).isZero();
            assertThat(t.send(get("/echo"), BUFFER).status()).isEqualTo(200);
        }
    }

    /**
     * Live I/O reactor threads of this transport (named after it, so no other thread is counted: the
     * old check counted every new thread at one instant, and a callback thread starting or not made
     * it flaky, issue 11 item 6).
     */
    private static long reactorThreads(ApacheHttpTransport t) {
        String prefix = t.threadNamePrefix() + "reactor";
        return Thread.getAllStackTraces().keySet().stream().filter(th -> th.isAlive() && th.getName().startsWith(prefix)).count();
    }

    private static boolean until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private HttpRequest get(String path) {
        return new HttpRequest("GET", server.uri(path), Map.of(), null, TIMEOUT);
    }

    private HttpRequest post(String path) {
        return new HttpRequest("POST", server.uri(path), Map.of("Content-Type", List.of("application/json")),
                "{}".getBytes(StandardCharsets.UTF_8), TIMEOUT);
    }
}
