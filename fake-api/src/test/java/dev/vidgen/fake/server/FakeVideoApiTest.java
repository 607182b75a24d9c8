package dev.vidgen.fake.server;

import static dev.vidgen.fake.server.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.time.VirtualTime;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake API's routes and statuses, over real HTTP on loopback. */
class FakeVideoApiTest {

    private final VirtualTime time = new VirtualTime();
    private FakeVideoApi api;
    private Http http;

    @BeforeEach
    void start() {
        api = FakeVideoApi.builder().clock(time).seed(7)
                .defaultLifecycle(Lifecycle.builder().pending().processing(30).processing(70).completed())
                .start();
        http = new Http(api);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(api.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(api.port()).isPositive();
    }

    @Test
    void submitWithoutKeyIs401WithTheDocumentedBody() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(http.uri("/v1/videos/generations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Bodies.VEO)).timeout(Http.TIMEOUT));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).at("/error/type").asText()).isEqualTo("authentication_error");
        assertThat(json(r).at("/error/message").asText()).isNotBlank();
        assertThat(api.createdTaskIds()).isEmpty();
    }

    @Test
    void submitWithWrongKeyIs401AndTheKeyIsNotEchoedOrRecorded() throws Exception {
        String wrong = "sk-wrong-secret-123";
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(http.uri("/v1/videos/generations"))
                .header("Authorization", "Bearer " + wrong).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.VEO)).timeout(Http.TIMEOUT));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(new String(r.body())).doesNotContain(wrong);
        RecordedRequest recorded = api.requests().get(0);
        assertThat(recorded.authorized()).isFalse();
        assertThat(recorded.header("Authorization")).contains("Bearer ***");
        assertThat(recorded.toString() + recorded.headers()).doesNotContain(wrong);
    }

    @Test
    void configuredKeysAndAcceptAnyKey() throws Exception {
        try (FakeVideoApi custom = FakeVideoApi.builder().apiKeys("sk-one", "sk-two").start();
             FakeVideoApi any = FakeVideoApi.builder().acceptAnyApiKey().start()) {
            assertThat(custom.apiKey()).isEqualTo("sk-one");
            assertThat(submitWithKey(custom, "sk-two").statusCode()).isEqualTo(200);
            assertThat(submitWithKey(custom, FakeVideoApi.DEFAULT_API_KEY).statusCode()).isEqualTo(401);
            assertThat(submitWithKey(any, "sk-anything").statusCode()).isEqualTo(200);
            assertThat(submitWithKey(any, " ").statusCode()).isEqualTo(401);
        }
    }

    private HttpResponse<byte[]> submitWithKey(FakeVideoApi target, String key) throws Exception {
        return new Http(target).send(HttpRequest.newBuilder(target.baseUrl().resolve("/v1/videos/generations"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.KLING)).timeout(Http.TIMEOUT));
    }

    @Test
    void brokenJsonIs400() throws Exception {
        HttpResponse<byte[]> r = http.submit("{\"model\": \"kling-o3-ref\", \"prompt\": ");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(api.createdTaskIds()).isEmpty();
    }

    @Test
    void aJsonArrayIs400() throws Exception {
        assertThat(http.submit("[1, 2]").statusCode()).isEqualTo(400);
    }

    @Test
    void wrongContentTypeIs400() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(http.uri("/v1/videos/generations"))
                .header("Authorization", "Bearer " + api.apiKey()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.KLING)).timeout(Http.TIMEOUT));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText()).contains("Content-Type");
    }

    @Test
    void jsonContentTypeWithCharsetIsAccepted() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(http.uri("/v1/videos/generations"))
                .header("Authorization", "Bearer " + api.apiKey()).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.KLING)).timeout(Http.TIMEOUT));

        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownModelIs422ModelNotSupported() throws Exception {
        HttpResponse<byte[]> r = http.submit("{\"model\":\"sora-2\",\"prompt\":\"x\"}");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(json(r).at("/error/code").asText()).isEqualTo("model_not_supported");
    }

    @Test
    void missingModelIs422NamingTheField() throws Exception {
        HttpResponse<byte[]> r = http.submit("{\"prompt\":\"x\"}");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).at("/error/param").asText()).isEqualTo("model");
    }

    @Test
    void ruleViolationIs422NamingRuleAndField() throws Exception {
        HttpResponse<byte[]> r = http.submit("{\"model\":\"kling-o3-ref\",\"prompt\":\"x\",\"duration\":16}");

        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode error = json(r).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("code").asText()).isEqualTo("kling.duration.range");
        assertThat(error.get("param").asText()).isEqualTo("duration");
        assertThat(error.get("message").asText()).contains("kling.duration.range").contains("duration");
        assertThat(error.get("violations").get(0).get("rule").asText()).isEqualTo("kling.duration.range");
        assertThat(api.createdTaskIds()).isEmpty();
    }

    @Test
    void acceptedSubmitAnswersTheDocumentedShapeWithAWellFormedId() throws Exception {
        HttpResponse<byte[]> r = http.submit(Bodies.VEO);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(r);
        String id = body.get("id").asText();
        assertThat(id).matches("task-unified-\\d+-[a-z0-9]{8}");
        assertThat(id).startsWith("task-unified-" + time.now().getEpochSecond() + "-");
        assertThat(body.get("created").asLong()).isEqualTo(time.now().getEpochSecond());
        assertThat(body.get("model").asText()).isEqualTo("veo-3.1-reference-to-video");
        assertThat(body.get("object").asText()).isEqualTo("video.generation.task");
        assertThat(body.get("status").asText()).isEqualTo("pending");
        assertThat(body.get("progress").asInt()).isZero();
        assertThat(body.get("type").asText()).isEqualTo("video");
        assertThat(body.at("/task_info/can_cancel").asBoolean()).isTrue();
        assertThat(body.at("/task_info/estimated_time").asInt()).isPositive();
        assertThat(api.createdTaskIds()).containsExactly(TaskId.of(id));
        assertThat(api.task(TaskId.of(id))).hasValueSatisfying(t -> {
            assertThat(t.model()).isEqualTo("veo-3.1-reference-to-video");
            assertThat(t.body()).isEqualTo(Bodies.VEO);
            assertThat(t.request().prompt()).isEqualTo("A woman walking through a garden");
        });
    }

    @Test
    void idsAreDistinct() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(http.createTask(Bodies.KLING));
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(api.createdTaskIds()).hasSize(20);
    }

    @Test
    void unknownTaskIs404() throws Exception {
        HttpResponse<byte[]> r = http.query("task-unified-1757165031-uyujaw3d");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).at("/error/type").asText()).isEqualTo("not_found");
    }

    @Test
    void queryWithoutKeyIs401() throws Exception {
        String id = http.createTask(Bodies.KLING);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(http.uri("/v1/tasks/" + id)).GET().timeout(Http.TIMEOUT));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(api.queryCount(TaskId.of(id))).isZero();
    }

    @Test
    void taskMovesThroughPendingAndRisingProgressToCompletedWithAServedMp4() throws Exception {
        String id = http.createTask(Bodies.KLING);

        List<String> statuses = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();
        JsonNode last = null;
        for (int i = 0; i < 4; i++) {
            last = json(http.query(id));
            statuses.add(last.get("status").asText());
            progress.add(last.get("progress").asInt());
        }

        assertThat(statuses).containsExactly("pending", "processing", "processing", "completed");
        assertThat(progress).containsExactly(0, 30, 70, 100);
        assertThat(last.get("error").isNull()).isTrue();
        assertThat(last.at("/usage/credits_reserved").asInt()).isPositive();
        URI url = URI.create(last.at("/results/0/url").asText());
        assertThat(url.getHost()).isEqualTo("127.0.0.1");

        HttpResponse<byte[]> video = http.get(url);
        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(video.body()).isEqualTo(SampleVideo.bytes());
        assertThat(new String(video.body(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(api.queryCount(TaskId.of(id))).isEqualTo(4);
        assertThat(api.count(Route.RESULT, "GET")).isEqualTo(1);
    }

    @Test
    void headOfAResultGivesItsLengthWithoutABody() throws Exception {
        api.defaultLifecycle(Lifecycle.completedAtFirstPoll());
        String id = http.createTask(Bodies.KLING);
        URI url = URI.create(json(http.query(id)).at("/results/0/url").asText());

        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(url).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Http.TIMEOUT));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(SampleVideo.length());
        assertThat(head.body()).isEmpty();
    }

    @Test
    void runningTaskHasNullResults() throws Exception {
        String id = http.createTask(Bodies.KLING);
        JsonNode first = json(http.query(id));

        assertThat(first.get("results").isNull()).isTrue();
        assertThat(http.get(http.uri("/files/" + id + "/0.mp4")).statusCode()).isEqualTo(404);
    }

    @Test
    void failedTaskCarriesItsErrorCode() throws Exception {
        api.lifecycle("kling-o3-ref", Lifecycle.builder().processing(40).failed("generation_failed", "upstream refused"));
        String id = http.createTask(Bodies.KLING);

        json(http.query(id));
        JsonNode failed = json(http.query(id));

        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.at("/error/code").asText()).isEqualTo("generation_failed");
        assertThat(failed.at("/error/message").asText()).isEqualTo("upstream refused");
        assertThat(failed.at("/error/type").asText()).isEqualTo("task_error");
        assertThat(failed.get("results").isNull()).isTrue();
    }

    @Test
    void lifecyclesPerModelPerRequestAndByCondition() throws Exception {
        api.lifecycle("veo-3.1-fast-reference-to-video", Lifecycle.failedAtFirstPoll("fast_failed"));
        api.lifecycleWhen(r -> r.prompt().contains("doomed"), Lifecycle.failedAtFirstPoll("doomed"));
        api.lifecycleForNextSubmit(Lifecycle.completedAtFirstPoll());

        String scripted = http.createTask(Bodies.VEO_FAST); // the per-request script wins over the model's
        String fast = http.createTask(Bodies.VEO_FAST);
        String doomed = http.createTask("{\"model\":\"kling-o3-ref\",\"prompt\":\"a doomed shot\"}");
        String plain = http.createTask(Bodies.KLING);

        assertThat(json(http.query(scripted)).get("status").asText()).isEqualTo("completed");
        assertThat(json(http.query(fast)).at("/error/code").asText()).isEqualTo("fast_failed");
        assertThat(json(http.query(doomed)).at("/error/code").asText()).isEqualTo("doomed");
        assertThat(json(http.query(plain)).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void timeDrivenLifecycleFollowsTheFakesClock() throws Exception {
        api.defaultLifecycle(Lifecycle.typical(Duration.ofMinutes(10)));
        String id = http.createTask(Bodies.KLING);

        assertThat(json(http.query(id)).get("status").asText()).isEqualTo("pending");
        time.advance(Duration.ofMinutes(5));
        JsonNode halfway = json(http.query(id));
        assertThat(halfway.get("status").asText()).isEqualTo("processing");
        assertThat(halfway.get("progress").asInt()).isEqualTo(50); // 10 stages over 10 minutes: the sixth
        time.advance(Duration.ofMinutes(5));
        assertThat(json(http.query(id)).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void resultExpiresTwentyFourHoursAfterCompletion() throws Exception {
        api.defaultLifecycle(Lifecycle.completedAtFirstPoll());
        String id = http.createTask(Bodies.KLING);
        URI url = URI.create(json(http.query(id)).at("/results/0/url").asText());

        time.advance(Duration.ofHours(23));
        assertThat(http.get(url).statusCode()).isEqualTo(200);
        time.advance(Duration.ofHours(2));
        assertThat(http.get(url).statusCode()).isEqualTo(410);
    }

    @Test
    void severalResultsAreServed() throws Exception {
        api.defaultLifecycle(Lifecycle.builder().resultCount(2).completed());
        String id = http.createTask(Bodies.KLING);
        JsonNode done = json(http.query(id));

        assertThat(done.get("results")).hasSize(2);
        assertThat(http.get(URI.create(done.at("/results/1/url").asText())).statusCode()).isEqualTo(200);
        assertThat(http.get(http.uri("/files/" + id + "/2.mp4")).statusCode()).isEqualTo(404);
    }

    @Test
    void syncUpstreamIsAcceptedAndRecorded() throws Exception {
        String id = http.createTask(Bodies.KLING);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(http.uri("/v1/tasks/" + id + "?sync_upstream=true"))
                .header("Authorization", "Bearer " + api.apiKey()).GET().timeout(Http.TIMEOUT));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(api.requests(Route.QUERY).get(0).query()).isEqualTo("sync_upstream=true");
    }

    @Test
    void wrongMethodIs405AndUnknownPathIs404() throws Exception {
        HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(http.uri("/v1/videos/generations"))
                .header("Authorization", "Bearer " + api.apiKey()).GET().timeout(Http.TIMEOUT));
        HttpResponse<byte[]> other = http.send(HttpRequest.newBuilder(http.uri("/v1/models"))
                .header("Authorization", "Bearer " + api.apiKey()).GET().timeout(Http.TIMEOUT));

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(api.count(Route.SUBMIT, "GET")).isEqualTo(1);
        assertThat(api.count(Route.OTHER)).isEqualTo(1);
    }

    @Test
    void countsEveryRequestByRouteAndMethod() throws Exception {
        String id = http.createTask(Bodies.KLING);
        http.submit("{broken");
        http.query(id);
        http.query(id);
        http.query("task-unified-1-abcdefgh");

        assertThat(api.submitCount()).isEqualTo(2);
        assertThat(api.count(Route.SUBMIT)).isEqualTo(2);
        assertThat(api.queryCount()).isEqualTo(3);
        assertThat(api.queryCount(TaskId.of(id))).isEqualTo(2);
        assertThat(api.counters()).containsEntry("SUBMIT POST", 2).containsEntry("QUERY GET", 3);
        assertThat(api.requests()).extracting(RecordedRequest::route)
                .containsExactly(Route.SUBMIT, Route.SUBMIT, Route.QUERY, Route.QUERY, Route.QUERY);
        assertThat(api.requests(Route.SUBMIT).get(1).bodyText()).isEqualTo("{broken");
    }

    @Test
    void resetForgetsTasksCountersAndScripts() throws Exception {
        api.lifecycle("kling-o3-ref", Lifecycle.failedAtFirstPoll("x"));
        String id = http.createTask(Bodies.KLING);
        api.faults().next(Route.QUERY, Fault.status(500));

        api.reset();

        assertThat(api.createdTaskIds()).isEmpty();
        assertThat(api.submitCount()).isZero();
        assertThat(api.requests()).isEmpty();
        assertThat(api.faults().pending()).isEmpty();
        assertThat(http.query(id).statusCode()).isEqualTo(404);
        String again = http.createTask(Bodies.KLING);
        assertThat(json(http.query(again)).get("status").asText()).isEqualTo("pending"); // the builder's lifecycle again
    }

    @Test
    void seededFakesHandOutTheSameIds() throws Exception {
        try (FakeVideoApi a = FakeVideoApi.builder().clock(time).seed(99).start();
             FakeVideoApi b = FakeVideoApi.builder().clock(time).seed(99).start()) {
            assertThat(new Http(a).createTask(Bodies.KLING)).isEqualTo(new Http(b).createTask(Bodies.KLING));
        }
    }
}
