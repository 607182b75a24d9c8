package dev.vidgen.fake.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain java.net.http calls against a fake, for testing the fake itself. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final String key;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Http(FakeVideoApi api) {
        this.base = api.baseUrl();
        this.key = api.apiKey();
    }

    HttpResponse<byte[]> submit(String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/v1/videos/generations"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).timeout(TIMEOUT));
    }

    HttpResponse<byte[]> query(String taskId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/v1/tasks/" + taskId)).header("Authorization", "Bearer " + key).GET().timeout(TIMEOUT));
    }

    HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET().timeout(TIMEOUT));
    }

    /** Sends as built: set a timeout on the builder, or the call may wait forever. */
    HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }

    /** Submits and returns the new task's id, failing unless the answer is 200. */
    String createTask(String body) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = submit(body);
        if (r.statusCode() != 200) {
            throw new AssertionError("submit answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return json(r).get("id").asText();
    }
}
