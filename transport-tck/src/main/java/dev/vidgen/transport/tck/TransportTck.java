package dev.vidgen.transport.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import dev.vidgen.ports.http.BodyHandler;
import dev.vidgen.ports.http.BodyHandlers;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.transport.tck.LoopbackHttpServer.RecordedRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * What every suite of the transport TCK shares: a {@link LoopbackHttpServer} on {@code 127.0.0.1}
 * per test, the transport under test, and the helpers that call it (sync with
 * {@link HttpTransport#send}, async with {@link HttpTransport#exchange}). A transport's tests
 * subclass each suite ({@link BasicExchangeSuite}, {@link BodySuite}, {@link TimeoutAndCancellationSuite},
 * {@link PoolAndCloseSuite}, {@link ProxySuite}) and implement one factory method:
 * <pre>{@code
 * class MyTransportBodyTest extends BodySuite {
 *     @Override
 *     protected HttpTransport createTransport(TransportSettings settings) {
 *         return new MyTransport(settings);
 *     }
 * }
 * }</pre>
 * The split follows AWS SDK v2's {@code SdkHttpClient*TestSuite} family: one concern per suite.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
public abstract class TransportTck {

    /** Generous per-call timeout for calls that are expected to succeed. */
    protected static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    /** Bodies of checks that expect them whole: in memory, up to 64 MiB. */
    protected static final BodyHandler<byte[]> BUFFER = BodyHandlers.limited(64 * 1024 * 1024);

    private LoopbackHttpServer server;
    private HttpTransport transport;

    /** How a check calls the transport. */
    protected enum Mode {
        /** {@link HttpTransport#send}. */
        SYNC,
        /** {@link HttpTransport#exchange}. */
        ASYNC
    }

    /**
     * Creates the transport under test. Called once per test (sometimes more, with other
     * settings); the suite closes every transport it creates.
     */
    protected abstract HttpTransport createTransport(TransportSettings settings);

    /** The settings most checks use: 2 s connect, 10 s response, 16 connections, no proxy, the transport's own executor. */
    protected TransportSettings baseSettings() {
        return new TransportSettings(Duration.ofSeconds(2), CALL_TIMEOUT, 16, null, null);
    }

    /** Starts the loopback server. */
    @BeforeEach
    public void startServer() {
        server = LoopbackHttpServer.start();
    }

    /** Closes the transport (if a check created the shared one) and the server. */
    @AfterEach
    public void stopServer() {
        try {
            if (transport != null) {
                transport.close();
            }
        } finally {
            transport = null;
            server.close();
        }
    }

    /** The server of the current test. */
    protected final LoopbackHttpServer server() {
        return server;
    }

    /** The shared transport of the current test, created on first use with {@link #baseSettings()}. */
    protected final HttpTransport transport() {
        if (transport == null) {
            transport = createTransport(baseSettings());
            assertThat(transport).as("createTransport").isNotNull();
        }
        return transport;
    }

    /** A request to the loopback server with {@link #CALL_TIMEOUT}. */
    protected final HttpRequest request(String method, String path, byte[] body) {
        return new HttpRequest(method, server().uri(path), Map.of(), body, CALL_TIMEOUT);
    }

    /** Calls the transport the given way; an async failure is rethrown as its cause. */
    protected static HttpResponse<byte[]> call(HttpTransport t, Mode mode, HttpRequest r) {
        if (mode == Mode.SYNC) {
            return t.send(r, BUFFER);
        }
        CompletableFuture<HttpResponse<byte[]>> f;
        try {
            f = t.exchange(r, BUFFER);
        } catch (TransportException e) {
            throw new AssertionError("exchange must report a transport failure through its future, not throw it", e);
        }
        return await(f);
    }

    /** The future's response within 30 s; a failure is rethrown as its cause. */
    protected static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AssertionError("async call failed with a checked exception", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("async call did not complete within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The transport failure of an async call. */
    protected static <T> TransportException asyncFailure(CompletableFuture<HttpResponse<T>> f) {
        return catchTransportException(() -> await(f));
    }

    /** Calls and expects a {@link TransportException}. */
    protected static TransportException failure(HttpTransport t, Mode mode, HttpRequest r) {
        return catchTransportException(() -> call(t, mode, r));
    }

    /** Runs {@code action} and expects a {@link TransportException}. */
    protected static TransportException catchTransportException(Runnable action) {
        Throwable thrown = catchThrowable(action::run);
        if (thrown instanceof CancellationException) {
            fail("expected a TransportException, the call was cancelled", thrown);
        }
        assertThat(thrown).as("expected a TransportException").isInstanceOf(TransportException.class);
        return (TransportException) thrown;
    }

    /** Asserts the kind, showing the exception and its causes when it is wrong. */
    protected static void assertKind(TransportException e, TransportException.Kind expected) {
        if (e.kind() != expected) {
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append("\n  ").append(t);
            }
            fail("expected a TransportException of kind %s, got %s:%s", expected, e.kind(), chain);
        }
    }

    /** The one request the server saw. */
    protected final RecordedRequest onlyRequest() {
        RecordedRequest seen = server().takeRequest(Duration.ofSeconds(5));
        assertThat(seen).as("request at the server").isNotNull();
        assertThat(server().drainRequests()).as("further requests at the server").isEmpty();
        return seen;
    }

    /** Values as a list, whether the transport sent repeated header lines or one comma-joined line. */
    protected static List<String> splitValues(List<String> values) {
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).collect(Collectors.toList());
    }

    /** Asserts two byte arrays are equal, naming the first difference. */
    protected static void assertSameBytes(byte[] actual, byte[] expected, String what) {
        if (!Arrays.equals(actual, expected)) {
            int i = Arrays.mismatch(actual, expected);
            fail("%s: got %d bytes, expected %d; first difference at index %d", what, actual.length, expected.length, i);
        }
    }
}
