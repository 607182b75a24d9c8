package dev.vidgen.models.klingr2v;

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
class KlingR2vFakeApiTest {

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
        HttpResponse<String> r = submit(KlingR2vExampleTest.pageBody());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(r.body());
        assertThat(json.get("id").asText()).startsWith("task-");
        assertThat(json.get("model").asText()).isEqualTo("kling-o3-reference-to-video");
        assertThat(api.createdTaskIds()).hasSize(before + 1);
        assertThat(api.submittedRequests()).contains(KlingR2vExampleTest.PAGE_EXAMPLE);
    }

    @Test
    void aBadBodyGets422NamingTheRuleAndTheFieldAndMakesNoTask() throws Exception {
        int before = api.createdTaskIds().size();
        HttpResponse<String> r = submit("{\"model\":\"kling-o3-reference-to-video\",\"prompt\":\"like @Image2\","
                + "\"image_urls\":[\"https://example.com/1.jpg\"]}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("kling-r2v.prompt.template-ref");
        assertThat(error.get("param").asText()).isEqualTo("prompt");
        assertThat(error.get("message").asText()).contains("@Image2").contains("[kling-r2v.prompt.template-ref]");
        assertThat(api.createdTaskIds()).hasSize(before);
    }

    @Test
    void everyViolationOfABodyIsListedWithNestedFieldsInTheApisNames() throws Exception {
        HttpResponse<String> r = submit("{\"model\":\"kling-o3-reference-to-video\",\"prompt\":\"p\",\"duration\":16,"
                + "\"multi_prompt\":[{\"prompt\":\"a\",\"duration\":16}],"
                + "\"elements\":[{\"frontal_image_url\":\"https://e.com/f.jpg\",\"reference_image_urls\":[\"ftp://e.com/r.jpg\"]}]}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode violations = JSON.readTree(r.body()).get("error").get("violations");
        assertThat(violations).extracting(v -> v.get("rule").asText() + " " + v.get("field").asText())
                .containsExactlyInAnyOrder("kling-r2v.duration.range duration", "kling-r2v.prompt.exclusive prompt",
                        "url.absolute-http elements[0].reference_image_urls[0]");
    }
}
