package dev.vidgen.testkit.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.fake.server.FakeVideoApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks that the fake API serves a model module with no change of its own (it reads bodies with
 * the installed catalog): over real HTTP on 127.0.0.1, a good body makes a task and a bad one gets
 * a 422 naming the rule id and the field in the API's names. Register one per test class
 * ({@code @RegisterExtension static final FakeApiCheck FAKE = new FakeApiCheck();}): it closes the
 * fake after the class.
 */
public final class FakeApiCheck implements AutoCloseable, AfterAllCallback {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final FakeVideoApi api = FakeVideoApi.start();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Starts a fake API on a free loopback port. */
    public FakeApiCheck() {
    }

    /** The fake API, for assertions of its own. */
    public FakeVideoApi api() {
        return api;
    }

    /** POSTs {@code body} to the generations endpoint with the fake's key. */
    public HttpResponse<String> submit(String body) throws IOException, InterruptedException {
        URI uri = api.baseUrl().resolve("/v1/videos/generations");
        return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + api.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code body} makes one task of {@code model}, recorded as {@code request}. */
    public void assertMakesATask(String body, String model, VideoRequest request) throws Exception {
        int before = api.createdTaskIds().size();
        HttpResponse<String> r = submit(body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(r.body());
        assertThat(json.get("id").asText()).startsWith("task-");
        assertThat(json.get("model").asText()).isEqualTo(model);
        assertThat(api.createdTaskIds()).hasSize(before + 1);
        assertThat(api.submittedRequests()).contains(request);
    }

    /**
     * {@code body} gets a 422 whose error names {@code rule} and {@code param}, with a message
     * carrying {@code [rule]} and every one of {@code messageParts}, and makes no task.
     */
    public void assertRejected(String body, String rule, String param, String... messageParts) throws Exception {
        int before = api.createdTaskIds().size();
        HttpResponse<String> r = submit(body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo(rule);
        assertThat(error.get("param").asText()).isEqualTo(param);
        String message = error.get("message").asText();
        assertThat(message).contains("[" + rule + "]");
        for (String part : messageParts) {
            assertThat(message).contains(part);
        }
        assertThat(api.createdTaskIds()).hasSize(before);
    }

    /** The violations of a body the fake answers with 422, each as {@code "rule field"}. */
    public List<String> violations(String body) throws Exception {
        HttpResponse<String> r = submit(body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode violations = JSON.readTree(r.body()).get("error").get("violations");
        return StreamSupport.stream(violations.spliterator(), false)
                .map(v -> v.get("rule").asText() + " " + v.get("field").asText()).toList();
    }

    /** Stops the fake API after the test class. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Stops the fake API. */
    @Override
    public void close() {
        api.close();
    }
}
