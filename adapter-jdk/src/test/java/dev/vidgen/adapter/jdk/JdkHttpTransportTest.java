package dev.vidgen.adapter.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.vidgen.ports.http.BodyHandler;
import dev.vidgen.ports.http.BodyHandlers;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.transport.tck.LoopbackHttpServer;
import dev.vidgen.transport.tck.LoopbackHttpServer.RecordedRequest;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the TCK does not cover: discovery, Guice options (HTTP/2 mode), the permit queue, bounded threads. */
@Timeout(60)
class JdkHttpTransportTest {

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
        assertThat(providers).hasOnlyElementsOfType(JdkHttpTransportProvider.class).hasSize(1);
        HttpTransportProvider p = providers.get(0);
        assertThat(p.name()).isEqualTo("jdk");
        assertThat(p.priority()).isEqualTo(100);
        try (HttpTransport t = p.create(TransportSettings.defaults())) {
            assertThat(t).isInstanceOf(JdkHttpTransport.class);
            assertThat(t.name()).isEqualTo("jdk");
            assertThat(t.send(get("/echo"), BUFFER).status()).isEqualTo(200);
        }
    }

    @Test
    void guiceModuleBindsTheProviderAndPassesOptions() {
        HttpTransportProvider plain = Guice.createInjector(new JdkHttpTransportModule()).getInstance(HttpTransportProvider.class);
        assertThat(plain).isInstanceOf(JdkHttpTransportProvider.class);
        try (HttpTransport t = plain.create(TransportSettings.defaults())) {
            t.send(get("/echo"), BUFFER);
            assertThat(server.takeRequest(TIMEOUT).header("Upgrade")).as("HTTP/1.1 by default: no h2c upgrade offer").isEmpty();
        }

        HttpTransportProvider http2 = Guice.createInjector(new JdkHttpTransportModule(b -> b.version(HttpClient.Version.HTTP_2)))
                .getInstance(HttpTransportProvider.class);
        try (HttpTransport t = http2.create(TransportSettings.defaults())) {
            HttpResponse<byte[]> r = t.send(get("/echo"), BUFFER);
            assertThat(r.status()).as("HTTP/2 mode falls back to 1.1 against an HTTP/1.1 server").isEqualTo(200);
            assertThat(server.takeRequest(TIMEOUT).header("Upgrade")).as("the option reached the transport").contains("h2c");
        }
    }

    @Test
    void cancellingQueuedAndRunningCallsReturnsTheirSlots() throws Exception {
        try (JdkHttpTransport t = JdkHttpTransport.create(TransportSettings.defaults().withMaxConnections(1))) {
            CompletableFuture<HttpResponse<byte[]>> running = t.exchange(get("/stall"), BUFFER);
            CompletableFuture<HttpResponse<byte[]>> queued = t.exchange(get("/echo"), BUFFER);
            assertThat(server.takeRequest(TIMEOUT).path()).isEqualTo("/stall");
            queued.cancel(true);
            running.cancel(true);
            assertThat(Await.until(() -> t.exchangesInFlight() == 0)).isTrue();
            assertThat(t.send(get("/echo"), BUFFER).status()).isEqualTo(200);
            assertThat(server.drainRequests()).extracting(RecordedRequest::path).containsExactly("/echo");
        }
    }

    /**
     * JDK 17's public sendAsync completes every response on CompletableFuture's default executor,
     * which with 1-2 cores starts a thread per response; an unbounded pool starts one per burst.
     * 500 calls must run on no more threads than the transport's bounded pools hold, and complete on
     * the transport's threads. Every thread the transport starts carries its name, and an idle pool
     * thread lives 30 s, so the distinct names seen during and right after the burst are the threads it
     * started: no JVM-wide count (JIT, GC and the server start threads too) is compared.
     */
    @Test
    void manyAsyncCallsRunOnABoundedNumberOfThreads() throws Exception {
        int max = 8;
        TransportSettings settings = TransportSettings.defaults().withMaxConnections(max);
        java.util.Set<String> completedOn;
        java.util.Set<String> named = new java.util.TreeSet<>();
        try (HttpTransport t = JdkHttpTransport.create(settings)) {
            completedOn = runEchoBurst(t, 500);
            String prefix = completedOn.iterator().next().replaceAll("sender-\\d+$", "");
            Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith(prefix)).forEach(named::add);
        }
        // senders (max + 2), the JDK client's io pool (2), the timer
        assertThat(named).as("threads of the transport").hasSizeLessThanOrEqualTo((max + 2) + 2 + 1);
        assertThat(completedOn).as("threads the futures completed on").allMatch(n -> n.matches("vidgen-jdk-\\d+-sender-\\d+"));
    }

    private java.util.Set<String> runEchoBurst(HttpTransport t, int n) throws Exception {
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<CompletableFuture<HttpResponse<byte[]>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(t.exchange(new HttpRequest("POST", server.uri("/echo"), Map.of(), ("call-" + i).getBytes(StandardCharsets.UTF_8), TIMEOUT), BUFFER)
                    .whenComplete((r, e) -> threads.add(Thread.currentThread().getName())));
        }
        for (int i = 0; i < n; i++) {
            assertThat(new String(calls.get(i).get(30, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8)).isEqualTo("call-" + i);
        }
        server.drainRequests();
        return threads;
    }

    private HttpRequest get(String path) {
        return new HttpRequest("GET", server.uri(path), Map.of(), null, TIMEOUT);
    }

    /** A bounded wait for a condition. */
    private static final class Await {
        static boolean until(java.util.function.BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(10);
            }
            return true;
        }
    }
}
