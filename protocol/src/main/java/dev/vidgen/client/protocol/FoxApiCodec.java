package dev.vidgen.client.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.task.TaskError;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.task.Usage;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.Urls;
import dev.vidgen.domain.validation.Violation;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The foxapi wire format: request records to JSON and back, task answers and error answers to
 * typed values. Thread-safe and immutable; build one per {@link ModelCatalog}.
 *
 * <p>Requests are written generically from the record's components: snake_case names, exactly the
 * components that are set ({@code null} ones are left out, no default is filled in), enums by their
 * {@code value()}, URIs as strings, and {@code model} first. A user's own model family therefore
 * needs no code here, only a record whose component names map to the API's field names.
 *
 * <p>Answers are read leniently: unknown fields are ignored and an unknown status is kept as its
 * raw text; only {@code id} and {@code status} (and a {@code url} in each result) are required.
 */
public final class FoxApiCodec {

    /** Rule id of a request body that is not JSON. */
    public static final String RULE_SYNTAX = "json.syntax";
    /** Rule id of a missing or unknown {@code model}. */
    public static final String RULE_MODEL = "json.model";
    /** Rule id of a field the model does not have. */
    public static final String RULE_UNKNOWN_FIELD = RequestProblems.UNKNOWN_FIELD;
    /** Rule id of a value of the wrong JSON type. */
    public static final String RULE_TYPE = RequestProblems.WRONG_TYPE;
    /** Rule id of a value that cannot be bound for another reason. */
    public static final String RULE_INVALID_VALUE = RequestProblems.INVALID_VALUE;

    /** Longest raw error body kept in an {@link ApiException}. */
    public static final int MAX_RAW_BODY = 2_000;

    private final ModelCatalog catalog;
    private final ObjectMapper requests;
    private final ObjectMapper answers;

    /** A codec for the families of {@code catalog}. */
    public FoxApiCodec(ModelCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        SimpleModule lenientUris = new SimpleModule("vidgen-lenient-uris");
        // A malformed URL must reach validation (rule url.absolute-http, with the field path), not fail binding.
        lenientUris.addDeserializer(URI.class, new JsonDeserializer<URI>() {
            @Override
            public URI deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.currentToken().isScalarValue()) {
                    return (URI) ctxt.handleUnexpectedToken(URI.class, p);
                }
                return Urls.parseLenient(p.getText());
            }
        });
        this.requests = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(ValueEnums.module())
                .addModule(lenientUris)
                .addModule(StrictScalars.module())
                .build();
        this.answers = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The catalog this codec reads requests with. */
    public ModelCatalog catalog() {
        return catalog;
    }

    /**
     * The JSON body of a submit: {@code model} first, then every component of the request that is set.
     *
     * @throws IllegalArgumentException when the request has no model id
     */
    public byte[] encodeRequest(VideoRequest request) {
        Objects.requireNonNull(request, "request");
        String modelId = request.modelId();
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("the request has no model id (" + request.getClass().getSimpleName() + ")");
        }
        ObjectNode fields = requests.valueToTree(request);
        ObjectNode body = requests.createObjectNode();
        body.put("model", modelId);
        fields.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("model")) {
                body.set(e.getKey(), e.getValue());
            }
        });
        try {
            return requests.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot encode " + request.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads a request body in the API's JSON (as the CLI's {@code validate} and {@code submit FILE}
     * take it) into the typed request of the family that owns its {@code model}. Only binds: the
     * rules are checked by validation afterwards.
     *
     * @throws RequestValidationException listing every problem: not JSON ({@value #RULE_SYNTAX}),
     *         missing or unknown model ({@value #RULE_MODEL}), a field the model does not have
     *         ({@value #RULE_UNKNOWN_FIELD}), a value outside a closed set (the field's rule id from the
     *         capability table, with the allowed values), or a value of the wrong type ({@value #RULE_TYPE})
     */
    public VideoRequest decodeRequest(byte[] json) {
        JsonNode tree = readRequestTree(json);
        JsonNode modelNode = tree.get("model");
        if (modelNode == null || modelNode.isNull() || !modelNode.isTextual() || modelNode.asText().isBlank()) {
            throw invalid(new Violation(RULE_MODEL, "model", modelNode == null || modelNode.isNull() ? null : modelNode.toString(),
                    "model is required and must be one of: " + String.join(", ", catalog.modelIds())));
        }
        String modelId = modelNode.asText();
        ModelFamily<?> family = catalog.familyOf(modelId).orElseThrow(() -> invalid(new Violation(RULE_MODEL, "model", modelId,
                "unknown model '" + modelId + "'; known models: " + String.join(", ", catalog.modelIds()))));
        ModelCapabilities capabilities = catalog.capabilities(modelId).orElseThrow();

        JavaType type = requests.constructType(family.requestType());
        ObjectNode bindable = ((ObjectNode) tree).deepCopy();
        if (!propertyNames(type).contains("model")) {
            bindable.remove("model"); // the family has a single model id, implied by the record type
        }
        RequestProblems problems = new RequestProblems(capabilities);
        List<Violation> violations = new ArrayList<>();
        VideoRequest request = null;
        try {
            request = requests.readerFor(type).withHandler(problems).readValue(bindable);
        } catch (DatabindException e) {
            violations.add(bindingViolation(e));
        } catch (IOException e) {
            violations.add(new Violation(RULE_INVALID_VALUE, "", null, "cannot read the request: " + e.getMessage()));
        }
        violations.addAll(0, problems.violations());
        if (!violations.isEmpty() || request == null) {
            if (violations.isEmpty()) {
                violations.add(new Violation(RULE_INVALID_VALUE, "", null, "the request is empty"));
            }
            throw new RequestValidationException(violations);
        }
        return request;
    }

    private JsonNode readRequestTree(byte[] json) {
        if (json == null || json.length == 0) {
            throw invalid(new Violation(RULE_SYNTAX, "", null, "the request body is empty; expected a JSON object"));
        }
        JsonNode tree;
        try {
            tree = requests.readTree(json);
        } catch (JacksonException e) {
            throw invalid(new Violation(RULE_SYNTAX, "", null, "not valid JSON: " + describe(e)));
        } catch (IOException e) {
            throw invalid(new Violation(RULE_SYNTAX, "", null, "cannot read the request: " + e.getMessage()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw invalid(new Violation(RULE_SYNTAX, "", null, "the request body is empty; expected a JSON object"));
        }
        if (!tree.isObject()) {
            throw invalid(new Violation(RULE_TYPE, "", null, "the request must be a JSON object, got " + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return tree;
    }

    private Set<String> propertyNames(JavaType type) {
        return requests.getDeserializationConfig().introspect(type).findProperties().stream()
                .map(BeanPropertyDefinition::getName).collect(Collectors.toSet());
    }

    private static Violation bindingViolation(DatabindException e) {
        StringBuilder json = new StringBuilder();
        StringBuilder java = new StringBuilder();
        if (e instanceof JsonMappingException jme) {
            for (JsonMappingException.Reference ref : jme.getPath()) {
                if (ref.getFieldName() != null) {
                    json.append(json.length() == 0 ? "" : ".").append(ref.getFieldName());
                    java.append(java.length() == 0 ? "" : ".").append(RequestProblems.FieldPath.camel(ref.getFieldName()));
                } else if (ref.getIndex() >= 0) {
                    json.append('[').append(ref.getIndex()).append(']');
                    java.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String what = cause == e ? e.getOriginalMessage() : cause.getMessage();
        return new Violation(RULE_INVALID_VALUE, java.toString(), null,
                (json.length() == 0 ? "the request" : json.toString()) + " cannot be read: " + what);
    }

    private static String describe(JacksonException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        return e.getOriginalMessage() + where;
    }

    private static RequestValidationException invalid(Violation v) {
        return new RequestValidationException(List.of(v));
    }

    /**
     * Reads a submit or task-query answer. Lenient about everything but what vidgen needs.
     *
     * @param json       the 2xx body
     * @param observedAt when the answer arrived (the snapshot's time)
     * @throws MalformedResponseException when the body is not a JSON object, lacks a usable {@code id}
     *         or {@code status}, or holds a result without a {@code url}
     *         ({@code taskMayHaveBeenCreated()} is false: callers that submitted rethrow it with true)
     */
    public VideoTask decodeTask(byte[] json, Instant observedAt) {
        Objects.requireNonNull(observedAt, "observedAt");
        JsonNode root;
        try {
            root = json == null || json.length == 0 ? null : answers.readTree(json);
        } catch (IOException e) {
            throw new MalformedResponseException("the task answer is not JSON: " + e.getMessage(), e, false);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedResponseException("the task answer is not a JSON object: " + cut(json), null, false);
        }
        JsonNode idNode = root.get("id");
        if (idNode == null || !idNode.isTextual()) {
            throw new MalformedResponseException("the task answer has no id: " + cut(json), null, false);
        }
        TaskId id;
        try {
            id = TaskId.of(idNode.asText());
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException("the task answer has an unusable id: " + e.getMessage(), e, false);
        }
        JsonNode statusNode = root.get("status");
        if (statusNode == null || !statusNode.isTextual() || statusNode.asText().isBlank()) {
            throw new MalformedResponseException("the answer for task " + id + " has no status: " + cut(json), null, false);
        }
        JsonNode taskInfo = root.path("task_info");
        Double estimate = number(taskInfo.get("estimated_time"));
        Double created = number(root.get("created"));
        Double progress = number(root.get("progress"));
        return new VideoTask(
                id,
                text(root.get("model")),
                TaskStatus.parse(statusNode.asText()),
                progress == null ? null : (int) Math.max(0, Math.min(100, Math.round(progress))),
                estimate == null || estimate < 0 ? null : Duration.ofMillis(Math.round(estimate * 1000)),
                results(id, root.get("results")),
                taskError(root.get("error")),
                usage(root.get("usage")),
                epochSeconds(created),
                observedAt);
    }

    /** A creation time vidgen only reports: one that no Instant can hold is dropped, not fatal. */
    private static Instant epochSeconds(Double seconds) {
        if (seconds == null || !Double.isFinite(seconds)
                || seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            return null;
        }
        return Instant.ofEpochSecond(seconds.longValue());
    }

    private List<TaskResult> results(TaskId id, JsonNode node) {
        List<TaskResult> out = new ArrayList<>();
        if (node == null || !node.isArray()) {
            return out;
        }
        int i = 0;
        for (JsonNode item : node) {
            JsonNode urlNode = item.isTextual() ? item : item.get("url");
            if (urlNode == null || !urlNode.isTextual() || urlNode.asText().isBlank()) {
                throw new MalformedResponseException("result " + i + " of task " + id + " has no url", null, false);
            }
            URI url;
            try {
                url = new URI(urlNode.asText().trim());
            } catch (URISyntaxException e) {
                throw new MalformedResponseException("result " + i + " of task " + id + " has an unusable url: " + e.getMessage(), e, false);
            }
            out.add(new TaskResult(url, item.isObject() ? extras(item, "url") : Map.of()));
            i++;
        }
        return out;
    }

    private static TaskError taskError(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return new TaskError(null, node.asText(), null);
        }
        if (!node.isObject()) {
            return null;
        }
        return new TaskError(text(node.get("code")), text(node.get("message")), text(node.get("type")));
    }

    private Usage usage(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Double credits = number(node.get("credits_reserved"));
        return new Usage(credits == null ? null : credits.longValue(), text(node.get("user_group")),
                extras(node, "credits_reserved", "user_group"));
    }

    private Map<String, Object> extras(JsonNode object, String... known) {
        Map<String, Object> extra = new LinkedHashMap<>();
        Set<String> skip = Set.of(known);
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!skip.contains(e.getKey()) && !e.getValue().isNull()) {
                Object value = answers.convertValue(e.getValue(), Object.class);
                if (value != null) {
                    extra.put(e.getKey(), value);
                }
            }
        }
        return extra;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainerNode() ? null : node.asText();
    }

    private static Double number(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.valueOf(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * What an error body said: every part may be {@code null}.
     *
     * @param type {@code error.type}
     * @param code {@code error.code} (422 only)
     * @param message {@code error.message}
     * @param raw the body as text, cut to what is kept
     */
    public record ErrorBody(String type, String code, String message, String raw) {
    }

    /** Reads an error body leniently; a body that is not JSON is kept only as raw text. */
    public ErrorBody parseErrorBody(byte[] body) {
        String raw = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String cut = raw.length() > MAX_RAW_BODY ? raw.substring(0, MAX_RAW_BODY) : raw;
        JsonNode root = null;
        try {
            root = raw.isBlank() ? null : answers.readTree(raw);
        } catch (IOException e) {
            // not JSON (a proxy's HTML page, say): the raw text is all there is
        }
        if (root == null || !root.isObject()) {
            return new ErrorBody(null, null, null, cut);
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            return new ErrorBody(text(error.get("type")), text(error.get("code")), text(error.get("message")), cut);
        }
        String message = error != null && error.isTextual() ? error.asText() : text(root.get("message"));
        return new ErrorBody(text(root.get("type")), text(root.get("code")), message, cut);
    }

    /**
     * The typed exception for an error answer, following the table in API.md: 400 and 422
     * {@link InvalidRequestException}, 401 {@link AuthenticationException}, 402
     * {@link InsufficientQuotaException}, 404 {@link TaskNotFoundException}, 429
     * {@link RateLimitException}, 503 {@link ServiceUnavailableException}, other 5xx
     * {@link ServerException}, anything else {@link ApiException}. Bodies that are not JSON are
     * tolerated; the raw body is cut to {@value #MAX_RAW_BODY} characters.
     *
     * @param status                 the HTTP status
     * @param body                   the error body, may be empty or not JSON
     * @param taskMayHaveBeenCreated what the exception should report (the caller knows whether it submitted)
     */
    public ApiException decodeError(int status, byte[] body, boolean taskMayHaveBeenCreated) {
        return toException(status, parseErrorBody(body), taskMayHaveBeenCreated, null);
    }

    /** {@link #decodeError(int, byte[], boolean)} with the server's {@code Retry-After} ({@code null} for none). */
    public ApiException decodeError(int status, byte[] body, boolean taskMayHaveBeenCreated, Duration retryAfter) {
        return toException(status, parseErrorBody(body), taskMayHaveBeenCreated, retryAfter);
    }

    static ApiException toException(int status, ErrorBody e, boolean taskMayHaveBeenCreated, Duration retryAfter) {
        return switch (status) {
            case 400, 422 -> new InvalidRequestException(status, e.type(), e.code(), e.message(), e.raw(), taskMayHaveBeenCreated, retryAfter);
            case 401 -> new AuthenticationException(status, e.type(), e.code(), e.message(), e.raw(), taskMayHaveBeenCreated, retryAfter);
            case 402 -> new InsufficientQuotaException(status, e.type(), e.code(), e.message(), e.raw(), taskMayHaveBeenCreated, retryAfter);
            case 404 -> new TaskNotFoundException(status, e.type(), e.code(), e.message(), e.raw(), taskMayHaveBeenCreated, retryAfter);
            case 429 -> new RateLimitException(status, e.type(), e.code(), e.message(), e.raw(), taskMayHaveBeenCreated, retryAfter);
            case 503 -> new ServiceUnavailableException(status, e.type(), e.code(), e.message(), e.raw(), taskMayHaveBeenCreated, retryAfter);
            default -> status >= 500 && status <= 599
                    ? new ServerException(status, e.type(), e.code(), e.message(), e.raw(), taskMayHaveBeenCreated, retryAfter)
                    : new ApiException(status, e.type(), e.code(), e.message(), e.raw(), taskMayHaveBeenCreated, retryAfter);
        };
    }

    private static String cut(byte[] body) {
        if (body == null) {
            return "<empty>";
        }
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
