package dev.vidgen.models.veoi2v;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vidgen.fake.server.FakeVideoApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The testkit's fake API serves the model with no change of its own, because it reads bodies with
 * the installed catalog: over real HTTP on 127.0.0.1, the page example makes a task and a bad body
 * gets a 422 naming the rule id and the field in the API's names.
 */
class VeoI2vFakeApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static FakeVideoApi api;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @BeforeAll
    static void start() {
        api = FakeVideoApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static HttpResponse<String> submit(String body) throws IOException, InterruptedException {
        URI uri = api.baseUrl().resolve("/v1/videos/generations");
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + api.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageExampleMakesATask() throws Exception {
        int before = api.createdTaskIds().size();
        HttpResponse<String> r = submit(VeoI2vExampleTest.pageBody());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(r.body());
        assertThat(json.get("id").asText()).startsWith("task-");
        assertThat(json.get("model").asText()).isEqualTo("veo-3.1-image-to-video");
        assertThat(api.createdTaskIds()).hasSize(before + 1);
        assertThat(api.submittedRequests()).contains(VeoI2vExampleTest.PAGE_EXAMPLE);
    }

    @Test
    void aBadBodyGets422NamingTheRuleAndTheFieldAndMakesNoTask() throws Exception {
        int before = api.createdTaskIds().size();
        HttpResponse<String> r = submit("{\"model\":\"veo-3.1-lite-image-to-video\",\"prompt\":\"p\","
                + "\"image_url\":\"https://example.com/a.jpg\",\"safety_tolerance\":3}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("veo-i2v.variant.safety-tolerance");
        assertThat(error.get("param").asText()).isEqualTo("safety_tolerance");
        assertThat(error.get("message").asText()).contains("[veo-i2v.variant.safety-tolerance]");
        assertThat(api.createdTaskIds()).hasSize(before);
    }

    @Test
    void everyViolationOfABodyIsListed() throws Exception {
        HttpResponse<String> r = submit("{\"model\":\"veo-3.1-lite-image-to-video\",\"prompt\":\" \","
                + "\"image_url\":\"https://example.com/a.jpg\",\"duration\":5,\"resolution\":\"4k\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode violations = JSON.readTree(r.body()).get("error").get("violations");
        assertThat(violations).extracting(v -> v.get("rule").asText() + " " + v.get("field").asText())
                .containsExactlyInAnyOrder("veo-i2v.prompt.required prompt", "veo-i2v.duration duration",
                        "veo-i2v.lite.resolution resolution");
    }
}
