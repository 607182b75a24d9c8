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
 * Request bodies both ways: a request record to the API's JSON (for a submit) and the API's JSON
 * back to the typed request of the family that owns its {@code model} (for the CLI's
 * {@code validate} and {@code submit FILE}, and for the fake API). Thread-safe and immutable.
 *
 * <p>Requests are written generically from the record's components: snake_case names, exactly the
 * components that are set ({@code null} ones are left out, no default is filled in), enums by their
 * {@code value()}, URIs as strings, and {@code model} first. A user's own model family therefore
 * needs no code here, only a record whose component names map to the API's field names. Reading
 * is strict (unknown fields, wrong types and coerced scalars are violations: see
 * {@link RequestProblems} and {@link StrictScalars}).
 */
public final class RequestJson {

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

    private final ModelCatalog catalog;
    private final ObjectMapper requests;

    /** Request JSON for the families of {@code catalog}. */
    public RequestJson(ModelCatalog catalog) {
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
    }

    /** The catalog requests are read with. */
    public ModelCatalog catalog() {
        return catalog;
    }

    /**
     * The JSON body of a submit: {@code model} first, then every component of the request that is set.
     *
     * @throws IllegalArgumentException when the request has no model id
     */
    public byte[] encode(VideoRequest request) {
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
    public VideoRequest decode(byte[] json) {
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
}
