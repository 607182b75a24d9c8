package dev.vidgen.client.protocol;

import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.MalformedResponseException;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.task.VideoTask;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The foxapi wire format in one object: {@link RequestJson} (request bodies both ways),
 * {@link TaskJson} (task answers) and {@link ErrorMapper} (error answers to typed exceptions).
 * Thread-safe and immutable; build one per {@link ModelCatalog}.
 */
public final class FoxApiCodec {

    /** Rule id of a request body that is not JSON. */
    public static final String RULE_SYNTAX = RequestJson.RULE_SYNTAX;
    /** Rule id of a missing or unknown {@code model}. */
    public static final String RULE_MODEL = RequestJson.RULE_MODEL;
    /** Rule id of a field the model does not have. */
    public static final String RULE_UNKNOWN_FIELD = RequestJson.RULE_UNKNOWN_FIELD;
    /** Rule id of a value of the wrong JSON type. */
    public static final String RULE_TYPE = RequestJson.RULE_TYPE;
    /** Rule id of a value that cannot be bound for another reason. */
    public static final String RULE_INVALID_VALUE = RequestJson.RULE_INVALID_VALUE;

    /** Longest raw error body kept in an {@link ApiException}. */
    public static final int MAX_RAW_BODY = ErrorMapper.MAX_RAW_BODY;

    private final RequestJson requests;
    private final TaskJson tasks = new TaskJson();
    private final ErrorMapper errors = new ErrorMapper();

    /** A codec for the families of {@code catalog}. */
    public FoxApiCodec(ModelCatalog catalog) {
        this.requests = new RequestJson(Objects.requireNonNull(catalog, "catalog"));
    }

    /** The catalog this codec reads requests with. */
    public ModelCatalog catalog() {
        return requests.catalog();
    }

    /** The request half. */
    public RequestJson requests() {
        return requests;
    }

    /** The task half. */
    public TaskJson tasks() {
        return tasks;
    }

    /** The error mapper. */
    public ErrorMapper errors() {
        return errors;
    }

    /** See {@link RequestJson#encode(VideoRequest)}. */
    public byte[] encodeRequest(VideoRequest request) {
        return requests.encode(request);
    }

    /**
     * See {@link RequestJson#decode(byte[])}.
     *
     * @throws RequestValidationException listing every problem
     */
    public VideoRequest decodeRequest(byte[] json) {
        return requests.decode(json);
    }

    /**
     * See {@link TaskJson#decode(byte[], Instant)}.
     *
     * @throws MalformedResponseException when the answer lacks what vidgen needs
     */
    public VideoTask decodeTask(byte[] json, Instant observedAt) {
        return tasks.decode(json, observedAt);
    }

    /** See {@link ErrorMapper#parse(byte[])}. */
    public ErrorMapper.ErrorBody parseErrorBody(byte[] body) {
        return errors.parse(body);
    }

    /** See {@link ErrorMapper#toException(int, byte[], boolean, Duration)}, without a {@code Retry-After}. */
    public ApiException decodeError(int status, byte[] body, boolean taskMayHaveBeenCreated) {
        return errors.toException(status, body, taskMayHaveBeenCreated, null);
    }

    /** See {@link ErrorMapper#toException(int, byte[], boolean, Duration)}. */
    public ApiException decodeError(int status, byte[] body, boolean taskMayHaveBeenCreated, Duration retryAfter) {
        return errors.toException(status, body, taskMayHaveBeenCreated, retryAfter);
    }
}
