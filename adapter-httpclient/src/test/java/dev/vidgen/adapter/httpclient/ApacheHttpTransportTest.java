package dev.vidgen.adapter.httpclient;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the conformance suite does not cover: discovery, Guice, proxies, the pool's leases, executors. */
@Timeout(60)
class ApacheHttpTransportTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private LoopbackHttpServer server;

    @TempDir
    Path tempDir;

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
            assertThat(t.execute(get("/echo")).status()).isEqualTo(200);
        }
    }

    @Test
    void guiceModuleBindsTheProviderAndPassesOptions() {
        assertThat(Guice.createInjector(new ApacheHttpTransportModule()).getInstance(HttpTransportProvider.class))
                .isInstanceOf(ApacheHttpTransportProvider.class);

        HttpTransportProvider oneIoThread = Guice.createInjector(new ApacheHttpTransportModule(b -> b.ioThreads(1)))
                .getInstance(HttpTransportProvider.class);
        HttpTransportProvider threeIoThreads = Guice.createInjector(new ApacheHttpTransportModule(b -> b.ioThreads(3)))
                .getInstance(HttpTransportProvider.class);
        assertThat(threadsStartedBy(oneIoThread) + 2).as("the option reached the transport")
                .isEqualTo(threadsStartedBy(threeIoThreads));
    }

    @Test
    void explicitProxyGetsTheAbsoluteFormRequestAndAnswersItsChallenge() {
        String expected = "Basic " + Base64.getEncoder().encodeToString("proxy-user:proxy-secret".getBytes(StandardCharsets.UTF_8));
        server.requireProxyAuthorization(expected);
        ProxySettings proxy = new ProxySettings("127.0.0.1", server.port(), "proxy-user", "proxy-secret".toCharArray());
        URI target = URI.create("http://127.0.0.1:" + LoopbackHttpServer.closedPort() + "/echo"); // only the proxy can answer
        try (HttpTransport t = ApacheHttpTransport.create(TransportSettings.defaults().withProxy(proxy))) {
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
        try (HttpTransport t = ApacheHttpTransport.create(TransportSettings.defaults().withProxy(proxy))) {
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
            try (HttpTransport t = ApacheHttpTransport.create(TransportSettings.defaults())) {
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
    void noConnectionStaysLeasedAfterErrorsTimeoutsCancellationsAndDownloads() throws Exception {
        try (ApacheHttpTransport t = ApacheHttpTransport.create(TransportSettings.defaults().withMaxConnections(2))) {
            assertThat(t.execute(post("/status/500")).status()).isEqualTo(500);
            assertThat(catchThrowableOfType(TransportException.class, () -> t.execute(get("/reset-body"))).kind())
                    .isEqualTo(TransportException.Kind.IO);
            assertThat(catchThrowableOfType(TransportException.class, () -> t.execute(get("/stall").withTimeout(Duration.ofMillis(300))))
                    .kind()).isEqualTo(TransportException.Kind.TIMEOUT);
            assertThat(t.download(get("/status/404"), tempDir.resolve("a")).status()).isEqualTo(404);
            assertThat(t.download(get("/bytes/100000"), tempDir.resolve("b")).status()).isEqualTo(200);
            // cancelled at once (before a connection), and once the request is at the server
            t.executeAsync(get("/stall")).cancel(true);
            CompletableFuture<HttpResponse> atServer = t.executeAsync(get("/stall"));
            assertThat(until(() -> server.drainRequests().stream().anyMatch(r -> r.path().equals("/stall")))).isTrue();
            atServer.cancel(true);

            assertThat(until(() -> t.poolStats().getLeased() == 0)).as("leased connections: %s", t.poolStats()).isTrue();
            assertThat(t.poolStats().getPending()).isZero();
            assertThat(t.execute(get("/echo")).status()).isEqualTo(200);
        }
    }

    @Test
    void aCallWaitingForAPooledConnectionPastItsTimeoutIsConnectAndNeverSent() throws Exception {
        try (HttpTransport t = ApacheHttpTransport.create(TransportSettings.defaults().withMaxConnections(2))) {
            HttpRequest stall = get("/stall").withTimeout(Duration.ofMillis(1500));
            // the third waits for a connection and gives up first
            List<CompletableFuture<HttpResponse>> calls = List.of(t.executeAsync(stall), t.executeAsync(stall),
                    t.executeAsync(stall.withTimeout(Duration.ofMillis(400))));
            List<TransportException.Kind> kinds = calls.stream().map(f -> {
                ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
                return ((TransportException) e.getCause()).kind();
            }).collect(Collectors.toList());
            assertThat(kinds).containsExactly(TransportException.Kind.TIMEOUT, TransportException.Kind.TIMEOUT, TransportException.Kind.CONNECT);
            assertThat(server.drainRequests()).as("requests that reached the server").hasSize(2);
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
            try (HttpTransport t = ApacheHttpTransport.create(settings)) {
                assertThat(t.executeAsync(get("/echo")).get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            assertThat(tasks.get()).as("completions run on the given executor").isPositive();
            assertThat(mine.isShutdown()).as("close() leaves a caller's executor alone").isFalse();
        } finally {
            mine.shutdownNow();
        }
    }

    @Test
    void callsAfterCloseAreRefused() {
        HttpTransport t = ApacheHttpTransport.create(TransportSettings.defaults());
        t.close();
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> t.execute(get("/echo")))).hasMessageContaining("closed");
    }

    /** Threads alive after one call, except the server's; the reactor has one per I/O thread plus its main thread. */
    private int threadsStartedBy(HttpTransportProvider provider) {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (HttpTransport t = provider.create(TransportSettings.defaults().withExecutor(Runnable::run))) {
            t.execute(get("/echo"));
            return (int) Thread.getAllStackTraces().keySet().stream()
                    .filter(th -> !before.contains(th) && !th.getName().startsWith(LoopbackHttpServer.THREAD_PREFIX)).count();
        }
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
