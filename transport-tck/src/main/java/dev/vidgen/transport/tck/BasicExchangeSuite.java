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
 * Basic exchanges: methods and request headers arrive as sent, sequential calls reuse connections,
 * every status the API uses is a response (redirects are not followed), and a header value with a
 * line break is refused before anything is sent, without echoing the value.
 */
public abstract class BasicExchangeSuite extends TransportTck {

    private static final int[] STATUSES = {200, 201, 204, 301, 302, 400, 401, 402, 404, 410, 422, 429, 500, 502, 503};

    /** GET, POST, PUT and DELETE reach the server with the method, path and body sent. */
    @TestFactory
    public Stream<DynamicTest> methodsArriveAsSent() {
        return Stream.of("GET", "POST", "PUT", "DELETE").flatMap(method -> Stream.of(Mode.values()).map(mode ->
                DynamicTest.dynamicTest(method + " " + mode, () -> {
                    byte[] body = method.equals("POST") || method.equals("PUT")
                            ? ("{\"method\":\"" + method + "\"}").getBytes(StandardCharsets.UTF_8) : new byte[0];
                    HttpResponse<byte[]> response = call(transport(), mode, request(method, "/echo", body));
                    RecordedRequest seen = onlyRequest();
                    assertThat(seen.method()).isEqualTo(method);
                    assertThat(seen.path()).isEqualTo("/echo");
                    assertSameBytes(seen.body(), body, method + " body at the server");
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.header("X-Echo-Method")).contains(method);
                    assertSameBytes(response.body(), body, method + " body in the response");
                })));
    }

    /** Request headers arrive with their values intact, multi-valued ones included. */
    @TestFactory
    public Stream<DynamicTest> requestHeadersArriveIntact() {
        return Stream.of(Mode.values()).map(mode -> DynamicTest.dynamicTest(mode.name(), () -> {
            String id = UUID.randomUUID().toString();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Authorization", List.of("Bearer sk-conformance-0123456789abcdef"));
            headers.put("Content-Type", List.of("application/json; charset=utf-8"));
            headers.put("Accept", List.of("application/json"));
            headers.put("User-Agent", List.of("vidgen-conformance/1.0"));
            headers.put("X-Request-Id", List.of(id));
            headers.put("X-MiXeD-Case", List.of("Value With Spaces"));
            headers.put("X-Multi", List.of("first", "second"));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            HttpResponse<byte[]> response = call(transport(), mode,
                    new HttpRequest("POST", server().uri("/echo"), headers, body, CALL_TIMEOUT));
            assertThat(response.status()).isEqualTo(200);
            RecordedRequest seen = onlyRequest();
            headers.forEach((name, values) ->
                    assertThat(splitValues(seen.headerValues(name))).as("header %s at the server", name).isEqualTo(values));
            assertThat(response.header("content-type")).as("response header, matched case-insensitively")
                    .contains("application/json; charset=utf-8");
        }));
    }

    /**
     * Sequential calls reuse pooled connections instead of opening one each. Some leeway: a
     * transport may complete a call just before its connection is back in the pool (Apache's
     * async client does), so a call right after it can open another.
     */
    @Test
    public void connectionsAreReused() {
        for (int i = 0; i < 10; i++) {
            assertThat(transport().send(request("GET", "/echo", new byte[0]), BUFFER).status()).isEqualTo(200);
        }
        assertThat(server().acceptedConnections()).as("connections opened for 10 sequential calls").isBetween(1, 5);
    }

    // ---------------------------------------------------------------- statuses and redirects

    /** Every status the API uses is a response (with its headers and body), never an exception; redirects are not followed. */
    @TestFactory
    public Stream<DynamicTest> everyStatusIsAResponse() {
        return Arrays.stream(STATUSES).boxed().flatMap(code -> Stream.of(Mode.values()).map(mode ->
                DynamicTest.dynamicTest(code + " " + mode, () -> {
                    HttpResponse<byte[]> response = call(transport(), mode,
                            request("POST", "/status/" + code, "{\"model\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                                    .withHeader("Content-Type", "application/json"));
                    assertThat(response.status()).isEqualTo(code);
                    assertThat(response.header("Some-Header")).contains("With Value");
                    String expectedBody = code == 204 ? "" : "status " + code;
                    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(expectedBody);
                    if (code == 301 || code == 302) {
                        assertThat(response.header("Location")).as("Location of a redirect not followed").contains("/echo");
                    }
                    if (code == 429) {
                        assertThat(response.header("Retry-After")).contains("2");
                    }
                    List<RecordedRequest> seen = server().drainRequests();
                    assertThat(seen).as("requests the server saw (a followed redirect would add /echo)")
                            .extracting(RecordedRequest::path).containsExactly("/status/" + code);
                })));
    }

    /** A header value with a line break is refused before anything is sent, and the message does not echo the value. */
    @Test
    public void headerValueWithLineBreakIsRefused() {
        HttpRequest r = request("GET", "/echo", new byte[0]).withHeader("X-Evil", "secret-value\r\nX-Injected: 1");
        Throwable thrown = catchThrowable(() -> transport().send(r, BUFFER));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).doesNotContain("secret-value").doesNotContain("X-Injected");
        assertThat(server().takeRequest(Duration.ofMillis(300))).as("request that reached the server").isNull();
    }

}
