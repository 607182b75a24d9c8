package dev.vidgen.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.MalformedResponseException;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.task.VideoTask;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Disabled;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random and malformed JSON into {@link FoxApiCodec}: a request body ends in a request or a
 * {@link RequestValidationException} (whose violations are well-formed), a task answer in a task
 * or a {@link MalformedResponseException}, an error answer in an {@link ApiException}; never any
 * other exception.
 */
class DecoderProperties {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final FoxApiCodec CODEC = new FoxApiCodec(ModelCatalog.loadInstalled());
    static final ValidationCheck CHECK = new ValidationCheck();
    static final Instant NOW = Instant.parse("2025-09-06T12:00:00Z");

    /** Every field name either family knows, in the API's spelling, plus a few it does not. */
    static final List<String> REQUEST_FIELDS = List.of("model", "prompt", "reference_image_urls", "aspect_ratio", "duration",
            "resolution", "generate_audio", "auto_fix", "safety_tolerance", "enhance_prompt", "person_generation", "reference_type",
            "mode", "image_list", "video_list", "multi_prompt", "image_url", "type", "video_url", "refer_type", "keep_original_sound",
            "x_unknown", "Model", "", "__proto__");

    @AfterContainer
    static void close() {
        CHECK.close();
    }

    // ---- request bodies ----

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void hostileRequestBodiesEndInARequestOrTypedViolations(@ForAll("requestBodies") JsonNode body) throws Exception {
        assertRequestDecodingIsTyped(JSON.writeValueAsBytes(body));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void brokenRequestBodiesEndInTypedViolations(@ForAll("brokenBytes") byte[] body) {
        Throwable thrown = catchThrowable(() -> CODEC.decodeRequest(body));
        assertThat(thrown).isInstanceOf(RequestValidationException.class);
        ((RequestValidationException) thrown).violations().forEach(Hostile::assertWellFormed);
    }

    static void assertRequestDecodingIsTyped(byte[] body) {
        VideoRequest request;
        try {
            request = CODEC.decodeRequest(body);
        } catch (RequestValidationException e) {
            assertThat(e.violations()).isNotEmpty();
            e.violations().forEach(Hostile::assertWellFormed);
            return;
        }
        assertThat(request).isNotNull();
        CHECK.assertValidationIsTyped(request);
    }

    // ---- task answers ----

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void hostileTaskAnswersEndInATaskOrTheTypedProtocolError(@ForAll("taskAnswers") JsonNode answer) throws Exception {
        assertTaskDecodingIsTyped(JSON.writeValueAsBytes(answer));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void brokenTaskAnswersEndInTheTypedProtocolError(@ForAll("brokenBytes") byte[] answer) {
        assertThat(catchThrowable(() -> CODEC.decodeTask(answer, NOW))).isInstanceOf(MalformedResponseException.class);
    }

    @Example
    void aCreationTimeBeyondInstantsRangeIsAProtocolError() {
        for (String created : List.of("1e300", "-1e300", "\"Infinity\"", "9223372036854775807", "99999999999999999999")) {
            byte[] answer = ("{\"id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"pending\",\"created\":" + created + "}")
                    .getBytes(StandardCharsets.UTF_8);
            assertTaskDecodingIsTyped(answer);
        }
    }

    static void assertTaskDecodingIsTyped(byte[] answer) {
        VideoTask task;
        try {
            task = CODEC.decodeTask(answer, NOW);
        } catch (MalformedResponseException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.taskMayHaveBeenCreated()).isFalse();
            return;
        }
        assertThat(task.id()).isNotNull();
        assertThat(task.status()).isNotNull();
        assertThat(task.observedAt()).isEqualTo(NOW);
        if (task.progress() != null) {
            assertThat(task.progress()).isBetween(0, 100);
        }
        assertThat(task.toString()).isNotBlank();
    }

    // ---- error answers ----

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void anyErrorAnswerIsAnApiException(@ForAll @IntRange(min = -1, max = 1000) int status, @ForAll("errorBodies") byte[] body,
                                        @ForAll boolean mayExist) {
        ApiException e = CODEC.decodeError(status, body, mayExist);
        assertThat(e).isNotNull();
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.taskMayHaveBeenCreated()).isEqualTo(mayExist);
        assertThat(e.getMessage()).startsWith("HTTP " + status);
        assertThat(e.rawBody()).isNotNull().hasSizeLessThanOrEqualTo(FoxApiCodec.MAX_RAW_BODY);
    }

    // ---- generators ----

    /** Any JSON value, up to {@code depth} levels deep, with hostile leaves. */
    static Arbitrary<JsonNode> values(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                numbers(),
                Hostile.strings().map(s -> s == null ? NODES.nullNode() : NODES.textNode(s)),
                enumLikeStrings().map(NODES::textNode),
                Hostile.urlTexts().map(s -> s == null ? NODES.nullNode() : NODES.textNode(s)));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<JsonNode> arrays = values(depth - 1).list().ofMaxSize(4).map(items -> {
            ArrayNode a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.of(REQUEST_FIELDS), values(depth - 1)).ofMaxSize(4).map(DecoderProperties::object);
        return Arbitraries.frequencyOf(Tuple.of(4, leaves), Tuple.of(1, arrays), Tuple.of(1, objects));
    }

    static Arbitrary<JsonNode> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, 8L, 3_000_000_000L).map(NODES::numberNode),
                Arbitraries.of(1.5, -0.0, 8.0, 1e300, -1e300, Double.MIN_VALUE, 4.9999999).map(NODES::numberNode),
                Arbitraries.of(new BigInteger("99999999999999999999999999999"), BigInteger.ONE.shiftLeft(200).negate()).map(NODES::numberNode),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-1e-400"), new BigDecimal("8.000")).map(NODES::numberNode));
    }

    /** Close to an allowed value, and not it. */
    static Arbitrary<String> enumLikeStrings() {
        return Arbitraries.of("4:3", "16:9 ", "16/9", "1:1", "9:16", "8k", "4K", "1080P", "720p", "PRO", "Standard", "standard",
                "first-frame", "FIRST_FRAME", "end_frame", "Base", "feature", "YES", "true", "null", "asset", "STYLE",
                "dont-allow", "allow_adult", "veo-3.1-reference-to-video", "veo-3.1-fast-reference-to-video", "kling-o3-ref",
                "KLING-O3-REF", "veo-3.1", "sora-2");
    }

    @Provide
    Arbitrary<JsonNode> requestBodies() {
        Arbitrary<JsonNode> model = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("veo-3.1-reference-to-video", "veo-3.1-fast-reference-to-video", "kling-o3-ref")
                        .map(NODES::textNode)),
                Tuple.of(1, values(1)));
        Arbitrary<Map<String, JsonNode>> fields = Arbitraries.maps(Arbitraries.of(REQUEST_FIELDS), values(2)).ofMaxSize(8);
        Arbitrary<JsonNode> objects = Combinators.combine(model, fields, Arbitraries.of(true, true, true, false)).as((m, f, withModel) -> {
            ObjectNode o = object(f);
            if (withModel) {
                o.set("model", m);
            }
            return o;
        });
        return Arbitraries.frequencyOf(Tuple.of(9, objects), Tuple.of(1, values(1)));
    }

    @Provide
    Arbitrary<JsonNode> taskAnswers() {
        Arbitrary<JsonNode> ids = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("task-unified-1757165031-uyujaw3d", "task-unified-0-aaaaaaaa").map(NODES::textNode)),
                Tuple.of(2, Hostile.strings().map(s -> s == null ? NODES.nullNode() : NODES.textNode(s))),
                Tuple.of(1, values(1)));
        Arbitrary<JsonNode> statuses = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("pending", "processing", "completed", "failed", "cancelled", "queued", "COMPLETED", "")
                        .map(NODES::textNode)),
                Tuple.of(1, values(1)));
        Arbitrary<JsonNode> results = Arbitraries.frequencyOf(
                Tuple.of(3, Hostile.urlTexts().<JsonNode>map(u -> u == null ? NODES.nullNode() : NODES.objectNode().put("url", u))
                        .list().ofMaxSize(3).map(DecoderProperties::array)),
                Tuple.of(1, values(2)));
        Arbitrary<Map<String, JsonNode>> extra = Arbitraries.maps(Arbitraries.of("created", "progress", "task_info", "error", "usage",
                "model", "results", "x_unknown"), Arbitraries.oneOf(values(2), numbers(),
                numbers().map(n -> NODES.objectNode().set("estimated_time", n)),
                numbers().map(n -> NODES.objectNode().set("credits_reserved", n)))).ofMaxSize(6);
        Arbitrary<JsonNode> answers = Combinators.combine(ids, statuses, results, extra).as((id, status, res, more) -> {
            ObjectNode o = object(more);
            o.set("id", id);
            o.set("status", status);
            o.set("results", res);
            return o;
        });
        return Arbitraries.frequencyOf(Tuple.of(9, answers), Tuple.of(1, values(1)));
    }

    /** Bytes that are not a whole JSON document: random bytes, or a valid document cut short or with a byte flipped. */
    @Provide
    Arbitrary<byte[]> brokenBytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
        Arbitrary<byte[]> cut = Combinators.combine(requestBodies(), Arbitraries.integers().between(0, 999)).as((doc, perMille) -> {
            byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
            return Arrays.copyOf(bytes, bytes.length * perMille / 1000);
        });
        Arbitrary<byte[]> odd = Arbitraries.of("", " ", "{", "}", "[", "{\"model\":", "null", "{\"a\":1}{", "\uFEFF{", "{\"model\":\"kling-o3-ref\"",
                "[".repeat(100_000), "{\"a\":".repeat(5_000), "\u0000\u0000\u0000{", "{'model':'kling-o3-ref'}", "NaN", "{\"x\":NaN}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> utf16 = Arbitraries.of("{\"model\":\"kling-o3-ref\",\"prompt\":\"x\"", "\uD800\uDC00{")
                .map(s -> s.getBytes(StandardCharsets.UTF_16));
        return Arbitraries.frequencyOf(Tuple.of(4, random), Tuple.of(4, cut), Tuple.of(2, odd), Tuple.of(1, utf16))
                .filter(DecoderProperties::notAWholeJsonDocument);
    }

    @Provide
    Arbitrary<byte[]> errorBodies() {
        Arbitrary<byte[]> json = Arbitraries.oneOf(values(2), taskAnswers(),
                        Combinators.combine(values(1), values(1), values(1)).as((t, c, m) -> {
                            ObjectNode err = NODES.objectNode();
                            err.set("type", t);
                            err.set("code", c);
                            err.set("message", m);
                            return NODES.objectNode().<JsonNode>set("error", err);
                        }))
                .map(n -> n.toString().getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> huge = Arbitraries.just(("{\"error\":{\"message\":\"" + "m".repeat(100_000) + "\"}}").getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(Tuple.of(5, json), Tuple.of(3, brokenBytes()), Tuple.of(1, huge),
                Tuple.of(1, Arbitraries.just(new byte[0])));
    }

    private static boolean notAWholeJsonDocument(byte[] bytes) {
        try {
            JsonNode tree = STRICT.readTree(bytes);
            return tree == null || tree.isMissingNode();
        } catch (Exception e) {
            return true;
        }
    }

    private static ObjectNode object(Map<String, JsonNode> fields) {
        ObjectNode o = NODES.objectNode();
        fields.forEach(o::set);
        return o;
    }

    private static ArrayNode array(List<JsonNode> items) {
        ArrayNode a = NODES.arrayNode();
        items.forEach(a::add);
        return a;
    }
}
