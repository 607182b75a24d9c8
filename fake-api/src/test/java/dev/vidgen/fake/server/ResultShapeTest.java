package dev.vidgen.fake.server;

import static dev.vidgen.fake.server.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidgen.fake.Lifecycle;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The fake answers finished tasks in either documented shape, over real HTTP. */
class ResultShapeTest {

    @Test
    void theOutputShapeListsEveryVideoUnderOutputAndNoResults() throws Exception {
        try (FakeVideoApi api = FakeVideoApi.builder().resultShape(ResultShape.OUTPUT)
                .defaultLifecycle(Lifecycle.builder().pending().resultCount(2).completed()).start()) {
            Http http = new Http(api);
            String id = http.createTask(Bodies.KLING);

            JsonNode pending = json(http.query(id));
            assertThat(pending.get("status").asText()).isEqualTo("pending");
            assertThat(pending.get("output").isNull()).as("output before completion").isTrue();
            assertThat(pending.has("results")).isFalse();

            JsonNode done = json(http.query(id));
            assertThat(done.get("status").asText()).isEqualTo("completed");
            assertThat(done.has("results")).as("the output shape has no results array").isFalse();
            JsonNode output = done.get("output");
            assertThat(output.get("urls")).hasSize(2);
            assertThat(output.get("url").asText()).isEqualTo(output.get("urls").get(0).asText());
            assertThat(output.get("width").asInt()).isEqualTo(SampleVideo.SIZE_PX);
            assertThat(output.get("height").asInt()).isEqualTo(SampleVideo.SIZE_PX);
            assertThat(output.get("duration").asInt()).isEqualTo(1);

            HttpResponse<byte[]> video = http.get(URI.create(output.get("urls").get(1).asText()));
            assertThat(video.statusCode()).isEqualTo(200);
            assertThat(video.body()).isEqualTo(SampleVideo.bytes());
        }
    }

    @Test
    void theResultsShapeIsTheDefault() throws Exception {
        try (FakeVideoApi api = FakeVideoApi.builder().defaultLifecycle(Lifecycle.completedAtFirstPoll()).start()) {
            Http http = new Http(api);
            JsonNode done = json(http.query(http.createTask(Bodies.KLING)));

            assertThat(done.get("results")).hasSize(1);
            assertThat(done.has("output")).isFalse();
        }
    }
}
