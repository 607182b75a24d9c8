package dev.vidgen.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.AuthenticationException;
import dev.vidgen.client.error.InsufficientQuotaException;
import dev.vidgen.client.error.InvalidRequestException;
import dev.vidgen.client.error.MalformedResponseException;
import dev.vidgen.client.error.RateLimitException;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.error.ServerException;
import dev.vidgen.client.error.ServiceUnavailableException;
import dev.vidgen.client.error.TaskNotFoundException;
import dev.vidgen.client.support.Seeds;
import dev.vidgen.client.support.TestFamilies;
import dev.vidgen.client.support.TestFamilies.Keyframe;
import dev.vidgen.client.support.TestFamilies.MotionStyle;
import dev.vidgen.client.support.TestFamilies.PikaRequest;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.kling.KlingImage;
import dev.vidgen.domain.kling.KlingMode;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FoxApiCodecTest {

    private final FoxApiCodec codec = new FoxApiCodec(TestFamilies.catalog());

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Encoding {
        @Test
        void veoSeedExampleIsTheSeedPagesJsonExactly() {
            assertThat(utf8(codec.encodeRequest(Seeds.veo()))).isEqualTo(Seeds.VEO_JSON);
        }

        @Test
        void klingSeedExampleIsTheSeedPagesJsonExactlyWithModelFirst() {
            assertThat(utf8(codec.encodeRequest(Seeds.kling()))).isEqualTo(Seeds.KLING_JSON);
        }

        @Test
        void onlyTheFieldsSetAreSentAndNoDefaultIsFilledIn() {
            VeoReferenceRequest minimal = VeoReferenceRequest.builder(VeoModel.FAST).prompt("p").referenceImage("https://a.example/x.png").build();
            assertThat(utf8(codec.encodeRequest(minimal)))
                    .isEqualTo("{\"model\":\"veo-3.1-fast-reference-to-video\",\"prompt\":\"p\",\"reference_image_urls\":[\"https://a.example/x.png\"]}");
        }

        @Test
        void nestedNullsAreLeftOutAndFalseIsKept() {
            KlingReferenceRequest r = KlingReferenceRequest.builder().prompt("<<<image_1>>>")
                    .image(KlingImage.reference(URI.create("https://a.example/i.png")))
                    .image(KlingImage.firstFrame(URI.create("https://a.example/f.png")))
                    .shot("a", 2).shot("b", 3).build();
            assertThat(utf8(codec.encodeRequest(r))).isEqualTo("{\"model\":\"kling-o3-ref\",\"prompt\":\"<<<image_1>>>\","
                    + "\"image_list\":[{\"image_url\":\"https://a.example/i.png\"},{\"image_url\":\"https://a.example/f.png\",\"type\":\"first_frame\"}],"
                    + "\"multi_prompt\":[{\"prompt\":\"a\",\"duration\":2},{\"prompt\":\"b\",\"duration\":3}]}");
            VeoReferenceRequest noAudio = Seeds.veo().toBuilder().generateAudio(false).build();
            assertThat(utf8(codec.encodeRequest(noAudio))).contains("\"generate_audio\":false");
        }

        @Test
        void aThirdFamilyIsEncodedWithoutAnyCodeInTheClient() {
            PikaRequest r = new PikaRequest("waves", MotionStyle.WILD, List.of(new Keyframe(URI.create("https://a.example/k.png"), 2)), null);
            assertThat(utf8(codec.encodeRequest(r))).isEqualTo("{\"model\":\"pika-2.2\",\"prompt\":\"waves\",\"motion_style\":\"wild\","
                    + "\"keyframes\":[{\"frame_url\":\"https://a.example/k.png\",\"at_second\":2}]}");
        }
    }

    @Nested
    class DecodingRequests {
        @Test
        void seedBodiesDecodeIntoTheTypedRequests() {
            assertThat(codec.decodeRequest(bytes(Seeds.VEO_JSON))).isEqualTo(Seeds.veo());
            assertThat(codec.decodeRequest(bytes(Seeds.KLING_JSON))).isEqualTo(Seeds.kling());
        }

        @Test
        void aThirdFamilyRoundTrips() {
            PikaRequest r = new PikaRequest("waves", MotionStyle.CALM, List.of(new Keyframe(URI.create("https://a.example/k.png"), 1)), true);
            VideoRequest back = codec.decodeRequest(codec.encodeRequest(r));
            assertThat(back).isEqualTo(r);
        }

        /** An unknown field at the top and one nested in a list item, each by its own path. */
        static Stream<Arguments> unknownFields() {
            return Stream.of(
                    Arguments.of("every unknown field is named, not just the first",
                            "{\"model\":\"kling-o3-ref\",\"prompt\":\"x\",\"colour\":\"red\","
                                    + "\"video_list\":[{\"video_url\":\"https://a.example/v.mp4\",\"speed\":{\"x\":2}}]}",
                            List.of("colour", "videoList[0].speed"),
                            List.of("unknown field 'colour'", "unknown field 'speed' in video_list[0]")),
                    Arguments.of("an unknown field holding an array is named by its own path",
                            "{\"model\":\"kling-o3-ref\",\"prompt\":\"x\",\"reference_image_urls\":[\"https://e.com/a\"],"
                                    + "\"image_list\":[{\"image_url\":\"https://e.com/b\",\"tags\":[1,[2]]}]}",
                            List.of("reference_image_urls", "imageList[0].tags"),
                            List.of("unknown field 'reference_image_urls' for model", "unknown field 'tags' in image_list[0]")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("unknownFields")
        void unknownFieldsAreEachNamedByTheirPath(String name, String json, List<String> paths, List<String> messageParts) {
            RequestValidationException e = catchThrowableOfType(RequestValidationException.class, () -> codec.decodeRequest(bytes(json)));
            assertThat(e.violations()).extracting(Violation::ruleId).containsOnly("json.unknown-field");
            assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrderElementsOf(paths);
            assertThat(e.getMessage()).contains(messageParts);
        }

        @Test
        void aWrongEnumValueGetsTheFieldsRuleIdAndTheAllowedValues() {
            String json = "{\"model\":\"veo-3.1-reference-to-video\",\"prompt\":\"x\",\"reference_image_urls\":[\"https://a.example/1.png\"],"
                    + "\"aspect_ratio\":\"4:3\",\"resolution\":\"8k\"}";
            RequestValidationException e = catchThrowableOfType(RequestValidationException.class, () -> codec.decodeRequest(bytes(json)));
            assertThat(e.violations()).extracting(Violation::ruleId).containsExactly("veo.aspect-ratio", "veo.resolution");
            assertThat(e.violations()).extracting(Violation::path).containsExactly("aspectRatio", "resolution");
            assertThat(e.violations().get(0).rejectedValue()).isEqualTo("4:3");
            assertThat(e.violations().get(0).message()).contains("16:9, 9:16");
            assertThat(e.violations().get(1).message()).contains("720p, 1080p, 4k");
        }

        @Test
        void aWrongEnumValueInsideAListItemUsesTheItemsRule() {
            String json = "{\"model\":\"kling-o3-ref\",\"prompt\":\"x\",\"image_list\":[{\"image_url\":\"https://a.example/1.png\",\"type\":\"middle_frame\"}]}";
            RequestValidationException e = catchThrowableOfType(RequestValidationException.class, () -> codec.decodeRequest(bytes(json)));
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.ruleId()).isEqualTo("kling.image.type");
                assertThat(v.path()).isEqualTo("imageList[0].type");
                assertThat(v.message()).contains("first_frame, end_frame");
            });
        }

        @Test
        void aValueOfTheWrongTypeIsNamedAndNothingIsCoerced() {
            String json = "{\"model\":\"kling-o3-ref\",\"prompt\":5,\"duration\":\"5\",\"image_list\":\"oops\",\"mode\":1}";
            RequestValidationException e = catchThrowableOfType(RequestValidationException.class, () -> codec.decodeRequest(bytes(json)));
            assertThat(e.violations()).extracting(Violation::path, Violation::ruleId).containsExactlyInAnyOrder(
                    tuple("prompt", "json.type"), tuple("duration", "json.type"), tuple("imageList", "json.type"), tuple("mode", "kling.mode"));
            assertThat(e.getMessage()).contains("duration must be an integer, got a string", "mode must be one of standard, pro");
        }

        @Test
        void aMalformedUrlIsKeptForValidationToReport() {
            String json = "{\"model\":\"veo-3.1-reference-to-video\",\"prompt\":\"x\",\"reference_image_urls\":[\"not a url\"]}";
            VeoReferenceRequest r = (VeoReferenceRequest) codec.decodeRequest(bytes(json));
            assertThat(r.referenceImageUrls()).singleElement().satisfies(u -> assertThat(u.getScheme()).isEqualTo("invalid"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "{\"prompt\":\"x\"}                       | json.model  | model is required",
                "{\"model\":\"sora-9\",\"prompt\":\"x\"}  | json.model  | unknown model 'sora-9'",
                "{\"model\":7}                            | json.model  | kling-o3-ref",
                "{\"model\":\"kling-o3-ref\",             | json.syntax | not valid JSON",
                "[1,2]                                    | json.type   | must be a JSON object",
                "{\"model\":\"kling-o3-ref\"} trailing    | json.syntax | not valid JSON",
        })
        void brokenBodiesBecomeOneViolationNeverARawJacksonException(String json, String rule, String message) {
            RequestValidationException e = catchThrowableOfType(RequestValidationException.class, () -> codec.decodeRequest(bytes(json)));
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.ruleId()).isEqualTo(rule);
                assertThat(v.message()).contains(message);
            });
            assertThat(e).hasNoCause();
        }

        @Test
        void anEmptyBodyIsASyntaxViolation() {
            RequestValidationException e = catchThrowableOfType(RequestValidationException.class, () -> codec.decodeRequest(new byte[0]));
            assertThat(e.violations()).extracting(Violation::ruleId).containsExactly("json.syntax");
        }
    }

    @Nested
    class DecodingTasks {
        private final Instant now = Instant.parse("2025-09-06T12:00:00Z");

        @Test
        void theSubmitAnswerOfTheSeedPages() {
            String json = "{\"created\":1757165031,\"id\":\"task-unified-1757165031-uyujaw3d\",\"model\":\"veo-3.1-reference-to-video\","
                    + "\"object\":\"video.generation.task\",\"progress\":0,\"status\":\"pending\","
                    + "\"task_info\":{\"can_cancel\":true,\"estimated_time\":45},\"type\":\"video\"}";
            VideoTask t = codec.decodeTask(bytes(json), now);
            assertThat(t.id().value()).isEqualTo("task-unified-1757165031-uyujaw3d");
            assertThat(t.status().state()).isEqualTo(TaskState.PENDING);
            assertThat(t.progress()).isZero();
            assertThat(t.estimatedTime()).isEqualTo(Duration.ofSeconds(45));
            assertThat(t.createdAt()).isEqualTo(Instant.ofEpochSecond(1757165031));
            assertThat(t.model()).isEqualTo("veo-3.1-reference-to-video");
            assertThat(t.results()).isEmpty();
            assertThat(t.observedAt()).isEqualTo(now);
        }

        @Test
        void aCompletedQueryAnswerWithUnknownFieldsEverywhere() {
            String json = "{\"id\":\"task-unified-1-abcdefgh\",\"object\":\"video.generation.task\",\"type\":\"video\",\"model\":\"kling-o3-ref\","
                    + "\"status\":\"completed\",\"progress\":100,\"created\":1757165031,\"brand_new\":{\"x\":[1]},"
                    + "\"results\":[{\"url\":\"https://cdn.example/video.mp4\",\"width\":1920,\"height\":null}],\"error\":null,"
                    + "\"usage\":{\"credits_reserved\":5,\"user_group\":\"default\",\"tier\":\"gold\"}}";
            VideoTask t = codec.decodeTask(bytes(json), now);
            assertThat(t.isTerminal()).isTrue();
            assertThat(t.results()).singleElement().satisfies(r -> {
                assertThat(r.url()).isEqualTo(URI.create("https://cdn.example/video.mp4"));
                assertThat(r.extra()).containsEntry("width", 1920).doesNotContainKey("height");
            });
            assertThat(t.error()).isNull();
            assertThat(t.usage().creditsReserved()).isEqualTo(5L);
            assertThat(t.usage().userGroup()).isEqualTo("default");
            assertThat(t.usage().extra()).containsEntry("tier", "gold");
        }

        @Test
        void aFailedTaskCarriesItsError() {
            String json = "{\"id\":\"task-unified-1-abcdefgh\",\"status\":\"failed\","
                    + "\"error\":{\"code\":\"generation_failed\",\"message\":\"upstream refused\",\"type\":\"task_error\"}}";
            VideoTask t = codec.decodeTask(bytes(json), now);
            assertThat(t.status().state()).isEqualTo(TaskState.FAILED);
            assertThat(t.error().code()).isEqualTo("generation_failed");
            assertThat(t.error().message()).isEqualTo("upstream refused");
            assertThat(t.error().type()).isEqualTo("task_error");
        }

        @Test
        void anUnknownStatusIsKeptRawAndIsNotTerminal() {
            VideoTask t = codec.decodeTask(bytes("{\"id\":\"task-unified-1-abcdefgh\",\"status\":\"queued_upstream\"}"), now);
            assertThat(t.status().state()).isEqualTo(TaskState.UNKNOWN);
            assertThat(t.status().raw()).isEqualTo("queued_upstream");
            assertThat(t.isTerminal()).isFalse();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "{\"status\":\"pending\"}                          | no id",
                "{\"id\":42,\"status\":\"pending\"}                | no id",
                "{\"id\":\"a/b\",\"status\":\"pending\"}            | unusable id",
                "{\"id\":\"task-unified-1-abcdefgh\"}               | no status",
                "{\"id\":\"task-unified-1-abcdefgh\",\"status\":1}  | no status",
                "<html>bad gateway</html>                          | not JSON",
                "[]                                                | not a JSON object",
        })
        void answersWithoutWhatWeNeedAreMalformed(String json, String message) {
            MalformedResponseException e = catchThrowableOfType(MalformedResponseException.class, () -> codec.decodeTask(bytes(json), now));
            assertThat(e).hasMessageContaining(message);
        }
    }

    @Nested
    class DecodingErrors {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "400 | invalid_request_error     |                              | InvalidRequestException",
                "401 | authentication_error      |                              | AuthenticationException",
                "402 | insufficient_quota        |                              | InsufficientQuotaException",
                "404 | not_found                 |                              | TaskNotFoundException",
                "422 | invalid_request_error     | unsupported_advanced_options | InvalidRequestException",
                "422 | invalid_request_error     | model_not_supported          | InvalidRequestException",
                "429 | rate_limit_error          |                              | RateLimitException",
                "500 | server_error              |                              | ServerException",
                "502 | server_error              |                              | ServerException",
                "503 | service_unavailable_error |                              | ServiceUnavailableException",
                "418 | teapot                    |                              | ApiException",
        })
        void eachRowOfTheErrorTable(int status, String type, String code, String simpleName) {
            String body = "{\"error\":{\"message\":\"the message\",\"type\":\"" + type + "\"" + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}}";
            ApiException e = codec.decodeError(status, bytes(body), false);
            assertThat(e.getClass().getSimpleName()).isEqualTo(simpleName);
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.errorType()).isEqualTo(type);
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.serverMessage()).isEqualTo("the message");
            assertThat(e.rawBody()).isEqualTo(body);
            assertThat(e.getMessage()).contains(String.valueOf(status), type, "the message");
            assertThat(e.taskMayHaveBeenCreated()).isFalse();
        }

        @Test
        void theCallerDecidesWhetherATaskMayExist() {
            assertThat(codec.decodeError(500, bytes("{}"), true).taskMayHaveBeenCreated()).isTrue();
            assertThat(codec.decodeError(500, bytes("{}"), true)).isInstanceOf(ServerException.class);
        }

        @Test
        void aBodyThatIsNotJsonIsTolerated() {
            ApiException e = codec.decodeError(502, bytes("<html>Bad Gateway</html>"), false);
            assertThat(e).isInstanceOf(ServerException.class);
            assertThat(e.errorType()).isNull();
            assertThat(e.serverMessage()).isNull();
            assertThat(e.rawBody()).isEqualTo("<html>Bad Gateway</html>");
            assertThat(codec.decodeError(503, new byte[0], false)).isInstanceOf(ServiceUnavailableException.class).hasMessage("HTTP 503");
        }

        @Test
        void theRawBodyIsCutTo2000Characters() {
            String big = "x".repeat(5000);
            assertThat(codec.decodeError(500, bytes(big), false).rawBody()).hasSize(2000);
        }
    }
}
