package dev.vidgen.testkit.support;

import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A bare transport on java.net.http, for the testkit's own tests of the client over real HTTP.
 * The testkit cannot use the adapter modules (they depend on the testkit for the conformance
 * suite), so this stands in for them here; users' tests use a real adapter.
 */
public final class JdkTestTransport implements HttpTransport {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public HttpResponse execute(HttpRequest request) {
        try {
            java.net.http.HttpResponse<byte[]> r = client.send(toJdk(request), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            return new HttpResponse(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw translate(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Kind.IO, "interrupted", e);
        }
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request) {
        return client.sendAsync(toJdk(request), java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                .handle((r, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                        throw cause instanceof IOException io ? translate(io) : new CompletionException(cause);
                    }
                    return new HttpResponse(r.statusCode(), r.headers().map(), r.body());
                });
    }

    @Override
    public HttpResponse download(HttpRequest request, Path target) {
        try {
            java.net.http.HttpResponse<InputStream> r = client.send(toJdk(request), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() / 100 == 2) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    return new HttpResponse(r.statusCode(), r.headers().map(), new byte[0]);
                }
                return new HttpResponse(r.statusCode(), r.headers().map(), in.readNBytes(64 * 1024));
            }
        } catch (IOException e) {
            throw translate(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Kind.IO, "interrupted", e);
        }
    }

    @Override
    public String name() {
        return "jdk-test";
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its threads stop when it is unreachable
    }

    private static java.net.http.HttpRequest toJdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout() == null ? DEFAULT_TIMEOUT : request.timeout())
                .method(request.method(), request.body().length == 0
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return b.build();
    }

    private static TransportException translate(IOException e) {
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return new TransportException(TransportException.Kind.CONNECT, "no connection: " + e.getMessage(), e);
        }
        if (e instanceof HttpTimeoutException) {
            return new TransportException(TransportException.Kind.TIMEOUT, "no answer in time", e);
        }
        return new TransportException(TransportException.Kind.IO, "connection broke: " + e.getMessage(), e);
    }
}
