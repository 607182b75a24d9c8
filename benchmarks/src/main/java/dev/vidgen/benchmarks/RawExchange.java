package dev.vidgen.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * The baseline: a submit and a task query written by hand, as a user without vidgen would, with a
 * pre-built JSON string and the same headers the client sends, returning the answer's bytes
 * unparsed. One implementation per HTTP library the adapters use, in the style the adapter uses it
 * (the JDK client blocking, Apache's async client), plus the other style of each for reference.
 */
public interface RawExchange extends AutoCloseable {

    /** POSTs the pre-built request; returns the body of a 200 answer. */
    byte[] submit();

    /** GETs the task; returns the body of a 200 answer. */
    byte[] query(String taskId);

    @Override
    void close();

    /** A raw exchange on the library that the transport {@code name} ({@code jdk} or {@code apache}) uses. */
    static RawExchange forTransport(String name, URI baseUrl, String json) {
        return switch (name) {
            case "jdk" -> new Jdk(baseUrl, json, false);
            case "jdk-async" -> new Jdk(baseUrl, json, true);
            case "apache" -> new Apache(baseUrl, json);
            case "apache-classic" -> new ApacheClassic(baseUrl, json);
            default -> throw new IllegalArgumentException("unknown transport '" + name + "': use jdk, jdk-async, apache or apache-classic");
        };
    }

    private static byte[] ok(int status, byte[] body) {
        if (status != 200) {
            throw new IllegalStateException("the server answered " + status);
        }
        return body;
    }

    /** {@code java.net.http.HttpClient}, HTTP/1.1, blocking {@code send} (or {@code sendAsync} and wait). */
    final class Jdk implements RawExchange {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final HttpRequest submit;
        private final String tasks;
        private final boolean async;

        Jdk(URI baseUrl, String json, boolean async) {
            this.async = async;
            submit = HttpRequest.newBuilder(baseUrl.resolve("/v1/videos/generations"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + BenchRequests.API_KEY)
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            tasks = baseUrl + "/v1/tasks/";
        }

        @Override
        public byte[] submit() {
            return send(submit);
        }

        @Override
        public byte[] query(String taskId) {
            return send(HttpRequest.newBuilder(URI.create(tasks + taskId))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + BenchRequests.API_KEY)
                    .header("Accept", "application/json")
                    .GET().build());
        }

        private byte[] send(HttpRequest request) {
            try {
                HttpResponse<byte[]> r = async
                        ? client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).get(60, TimeUnit.SECONDS)
                        : client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return ok(r.statusCode(), r.body());
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the exchange failed: " + e, e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        @Override
        public void close() {
            // JDK 17's HttpClient has no close(); it goes with the garbage
        }
    }

    /**
     * Apache HttpClient 5's async client, as the adapter uses it (pooled, HTTP/1.1, no redirects,
     * retries or cookies), waiting on each exchange's future.
     */
    final class Apache implements RawExchange {
        private final CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create().setMaxConnTotal(64).setMaxConnPerRoute(64)
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build()).build())
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .build();
        private final URI submitUri;
        private final String tasks;
        private final String json;

        Apache(URI baseUrl, String json) {
            this.submitUri = baseUrl.resolve("/v1/videos/generations");
            this.tasks = baseUrl + "/v1/tasks/";
            this.json = json;
            client.start();
        }

        @Override
        public byte[] submit() {
            return send(SimpleRequestBuilder.post(submitUri).setBody(json, ContentType.APPLICATION_JSON));
        }

        @Override
        public byte[] query(String taskId) {
            return send(SimpleRequestBuilder.get(tasks + taskId));
        }

        private byte[] send(SimpleRequestBuilder request) {
            SimpleHttpRequest r = request.setHeader("Authorization", "Bearer " + BenchRequests.API_KEY)
                    .setHeader("Accept", "application/json").build();
            try {
                SimpleHttpResponse response = client.execute(r, null).get(60, TimeUnit.SECONDS);
                return ok(response.getCode(), response.getBodyBytes());
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the exchange failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        @Override
        public void close() {
            client.close(CloseMode.IMMEDIATE);
        }
    }

    /** Apache HttpClient 5's classic blocking client, pooled: what most hand-written code uses. */
    final class ApacheClassic implements RawExchange {
        private final CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(64).setMaxConnPerRoute(64).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .build();
        private final URI submitUri;
        private final String tasks;
        private final String json;

        ApacheClassic(URI baseUrl, String json) {
            this.submitUri = baseUrl.resolve("/v1/videos/generations");
            this.tasks = baseUrl + "/v1/tasks/";
            this.json = json;
        }

        @Override
        public byte[] submit() {
            HttpPost post = new HttpPost(submitUri);
            post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
            return send(post);
        }

        @Override
        public byte[] query(String taskId) {
            return send(new HttpGet(tasks + taskId));
        }

        private byte[] send(HttpUriRequestBase request) {
            request.setHeader("Authorization", "Bearer " + BenchRequests.API_KEY);
            request.setHeader("Accept", "application/json");
            try {
                return client.execute(request, response -> ok(response.getCode(), EntityUtils.toByteArray(response.getEntity())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            client.close(CloseMode.IMMEDIATE);
        }
    }
}
