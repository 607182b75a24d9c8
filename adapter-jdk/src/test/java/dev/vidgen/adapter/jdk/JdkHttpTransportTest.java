package dev.vidgen.adapter.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.inject.Guice;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.ports.http.TransportSettings.ProxySettings;
import dev.vidgen.testkit.conformance.LoopbackHttpServer;
import dev.vidgen.testkit.conformance.LoopbackHttpServer.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the conformance suite does not cover: discovery, Guice, proxies, HTTP/2 mode, the permit queue, executors. */
@Timeout(60)
class JdkHttpTransportTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
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
            assertThat(t.execute(get("/echo")).status()).isEqualTo(200);
        }
    }

    @Test
    void guiceModuleBindsTheProviderAndPassesOptions() {
        HttpTransportProvider plain = Guice.createInjector(new JdkHttpTransportModule()).getInstance(HttpTransportProvider.class);
        assertThat(plain).isInstanceOf(JdkHttpTransportProvider.class);
        try (HttpTransport t = plain.create(TransportSettings.defaults())) {
            t.execute(get("/echo"));
            assertThat(server.takeRequest(TIMEOUT).header("Upgrade")).as("HTTP/1.1 by default: no h2c upgrade offer").isEmpty();
        }

        HttpTransportProvider http2 = Guice.createInjector(new JdkHttpTransportModule(b -> b.version(HttpClient.Version.HTTP_2)))
                .getInstance(HttpTransportProvider.class);
        try (HttpTransport t = http2.create(TransportSettings.defaults())) {
            HttpResponse r = t.execute(get("/echo"));
            assertThat(r.status()).as("HTTP/2 mode falls back to 1.1 against an HTTP/1.1 server").isEqualTo(200);
            assertThat(server.takeRequest(TIMEOUT).header("Upgrade")).as("the option reached the transport").contains("h2c");
        }
    }

    @Test
    void explicitProxyGetsTheAbsoluteFormRequestAndAnswersItsChallenge() {
        String expected = "Basic " + Base64.getEncoder().encodeToString("proxy-user:proxy-secret".getBytes(StandardCharsets.UTF_8));
        server.requireProxyAuthorization(expected);
        ProxySettings proxy = new ProxySettings("127.0.0.1", server.port(), "proxy-user", "proxy-secret".toCharArray());
        URI target = URI.create("http://127.0.0.1:" + LoopbackHttpServer.closedPort() + "/echo"); // only the proxy can answer
        try (HttpTransport t = JdkHttpTransport.create(TransportSettings.defaults().withProxy(proxy))) {
            HttpResponse r = t.execute(new HttpRequest("POST", target, Map.of(), "via proxy".getBytes(StandardCharsets.UTF_8), TIMEOUT));
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("via proxy");
        }
        List<RecordedRequest> seen = server.drainRequests();
        assertThat(seen).extracting(RecordedRequest::target).containsOnly(target.toString());
        assertThat(seen.get(seen.size() - 1).header("Proxy-Authorization")).contains(expected);
    }

    @Test
    void proxyCredentialsAreNotOfferedToTheServer() {
        ProxySettings proxy = new ProxySettings("127.0.0.1", server.port(), "proxy-user", "proxy-secret".toCharArray());
        URI target = URI.create("http://127.0.0.1:" + LoopbackHttpServer.closedPort() + "/status/401");
        try (HttpTransport t = JdkHttpTransport.create(TransportSettings.defaults().withProxy(proxy))) {
            assertThat(t.execute(new HttpRequest("GET", target, Map.of(), null, TIMEOUT)).status()).isEqualTo(401);
        }
        List<RecordedRequest> seen = server.drainRequests();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).header("Authorization")).isEmpty();
    }

    @Test
    void withoutExplicitProxyTheJvmProxyPropertiesApply() {
        String[] keys = {"http.proxyHost", "http.proxyPort", "http.nonProxyHosts"};
        String[] saved = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            saved[i] = System.getProperty(keys[i]);
        }
        URI target = URI.create("http://127.0.0.1:" + LoopbackHttpServer.closedPort() + "/echo");
        try {
            System.setProperty("http.proxyHost", "127.0.0.1");
            System.setProperty("http.proxyPort", String.valueOf(server.port()));
            System.setProperty("http.nonProxyHosts", ""); // the default exempts 127.*
            try (HttpTransport t = JdkHttpTransport.create(TransportSettings.defaults())) {
                assertThat(t.execute(new HttpRequest("GET", target, Map.of(), null, TIMEOUT)).status()).isEqualTo(200);
            }
            assertThat(server.takeRequest(TIMEOUT).target()).isEqualTo(target.toString());
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

    @Test
    void aCallWaitingForAConnectionSlotPastItsTimeoutIsConnectAndNeverSent() throws Exception {
        try (JdkHttpTransport t = JdkHttpTransport.create(TransportSettings.defaults().withMaxConnections(2))) {
            HttpRequest stall = get("/stall").withTimeout(Duration.ofMillis(1500));
            // the third waits for a slot and gives up first
            List<CompletableFuture<HttpResponse>> calls = List.of(t.executeAsync(stall), t.executeAsync(stall),
                    t.executeAsync(stall.withTimeout(Duration.ofMillis(400))));
            List<TransportException.Kind> kinds = calls.stream().map(f -> {
                java.util.concurrent.ExecutionException e = catchThrowableOfType(java.util.concurrent.ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
                return ((TransportException) e.getCause()).kind();
            }).collect(Collectors.toList());
            assertThat(kinds).containsExactly(TransportException.Kind.TIMEOUT, TransportException.Kind.TIMEOUT, TransportException.Kind.CONNECT);
            assertThat(server.drainRequests()).as("requests that reached the server").hasSize(2);
            // a timed-out send returns its slot once its sender has been interrupted out of HttpClient.send
            assertThat(Await.until(() -> t.exchangesInFlight() == 0)).isTrue();
        }
    }

    @Test
    void cancellingQueuedAndRunningCallsReturnsTheirSlots() throws Exception {
        try (JdkHttpTransport t = JdkHttpTransport.create(TransportSettings.defaults().withMaxConnections(1))) {
            CompletableFuture<HttpResponse> running = t.executeAsync(get("/stall"));
            CompletableFuture<HttpResponse> queued = t.executeAsync(get("/echo"));
            assertThat(server.takeRequest(TIMEOUT).path()).isEqualTo("/stall");
            queued.cancel(true);
            running.cancel(true);
            assertThat(Await.until(() -> t.exchangesInFlight() == 0)).isTrue();
            assertThat(t.execute(get("/echo")).status()).isEqualTo(200);
            assertThat(server.drainRequests()).extracting(RecordedRequest::path).containsExactly("/echo");
        }
    }

    @Test
    void futuresCompleteOnTheGivenExecutorWhichCloseLeavesRunning() throws Exception {
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService mine = Executors.newFixedThreadPool(2);
        try {
            TransportSettings settings = TransportSettings.defaults().withExecutor(r -> {
                tasks.incrementAndGet();
                mine.execute(r);
            });
            try (HttpTransport t = JdkHttpTransport.create(settings)) {
                assertThat(t.executeAsync(get("/echo")).get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            assertThat(tasks.get()).as("tasks run on the given executor").isPositive();
            assertThat(mine.isShutdown()).as("close() leaves a caller's executor alone").isFalse();
        } finally {
            mine.shutdownNow();
        }
    }

    /**
     * JDK 17's public sendAsync completes every response on CompletableFuture's default executor,
     * which with 1-2 cores starts a thread per response; an unbounded pool starts one per burst.
     * 500 calls (after a warm-up that leaves the server's own threads running) must start no
     * more threads than the transport's bounded pools hold, and complete on the transport's threads.
     */
    @Test
    void manyAsyncCallsRunOnABoundedNumberOfThreads() throws Exception {
        int max = 8;
        TransportSettings settings = TransportSettings.defaults().withMaxConnections(max);
        try (HttpTransport warm = JdkHttpTransport.create(settings)) {
            runEchoBurst(warm, 100);
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long startedBefore = mx.getTotalStartedThreadCount();
        java.util.Set<String> completedOn;
        try (HttpTransport t = JdkHttpTransport.create(settings)) {
            completedOn = runEchoBurst(t, 500);
        }
        long started = mx.getTotalStartedThreadCount() - startedBefore;
        // senders (max + 2), the JDK client's io pool (2), the timer, the JDK selector, and the server's
        // thread per connection (max: the warm-up's connections stay open until its client is collected)
        assertThat(started).as("threads started during 500 calls").isLessThanOrEqualTo((max + 2) + 2 + 1 + 1 + max + 2);
        assertThat(completedOn).as("threads the futures completed on").allMatch(n -> n.matches("vidgen-jdk-\\d+-sender-\\d+"));
    }

    private java.util.Set<String> runEchoBurst(HttpTransport t, int n) throws Exception {
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<CompletableFuture<HttpResponse>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(t.executeAsync(new HttpRequest("POST", server.uri("/echo"), Map.of(), ("call-" + i).getBytes(StandardCharsets.UTF_8), TIMEOUT))
                    .whenComplete((r, e) -> threads.add(Thread.currentThread().getName())));
        }
        for (int i = 0; i < n; i++) {
            assertThat(new String(calls.get(i).get(30, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8)).isEqualTo("call-" + i);
        }
        server.drainRequests();
        return threads;
    }

    @Test
    void callsAfterCloseAreRefused() {
        HttpTransport t = JdkHttpTransport.create(TransportSettings.defaults());
        t.close();
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> t.execute(get("/echo")))).hasMessageContaining("closed");
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
