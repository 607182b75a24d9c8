package dev.vidgen.client.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.AuthenticationException;
import dev.vidgen.client.error.InsufficientQuotaException;
import dev.vidgen.client.error.InvalidRequestException;
import dev.vidgen.client.error.RateLimitException;
import dev.vidgen.client.error.ServerException;
import dev.vidgen.client.error.ServiceUnavailableException;
import dev.vidgen.client.error.TaskNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The one place where a non-2xx answer becomes a typed exception (as openai-java's
 * {@code ErrorHandler}): 400 and 422 {@link InvalidRequestException}, 401
 * {@link AuthenticationException}, 402 {@link InsufficientQuotaException}, 404
 * {@link TaskNotFoundException}, 429 {@link RateLimitException}, 503
 * {@link ServiceUnavailableException}, other 5xx {@link ServerException}, anything else
 * {@link ApiException}. Bodies that are not JSON are tolerated; the raw body is cut to
 * {@value #MAX_RAW_BODY} characters. Thread-safe and immutable.
 */
public final class ErrorMapper {

    /** Longest raw error body kept in an {@link ApiException}. */
    public static final int MAX_RAW_BODY = 2_000;

    private final ObjectMapper json = JsonMapper.builder().build();

    /** An error mapper. */
    public ErrorMapper() {
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
    public ErrorBody parse(byte[] body) {
        String raw = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String cut = raw.length() > MAX_RAW_BODY ? raw.substring(0, MAX_RAW_BODY) : raw;
        JsonNode root = null;
        try {
            root = raw.isBlank() ? null : json.readTree(raw);
        } catch (IOException e) {
            // not JSON (a proxy's HTML page, say): the raw text is all there is
        }
        if (root == null || !root.isObject()) {
            return new ErrorBody(null, null, null, cut);
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            return new ErrorBody(TaskJson.text(error.get("type")), TaskJson.text(error.get("code")), TaskJson.text(error.get("message")), cut);
        }
        String message = error != null && error.isTextual() ? error.asText() : TaskJson.text(root.get("message"));
        return new ErrorBody(TaskJson.text(root.get("type")), TaskJson.text(root.get("code")), message, cut);
    }

    /**
     * The typed exception for an error answer.
     *
     * @param status                 the HTTP status
     * @param body                   the error body, may be empty or not JSON (the key already masked out)
     * @param taskMayHaveBeenCreated what the exception should report (the caller knows whether it submitted)
     * @param retryAfter             the server's {@code Retry-After}, {@code null} for none
     */
    public ApiException toException(int status, byte[] body, boolean taskMayHaveBeenCreated, Duration retryAfter) {
        return toException(status, parse(body), taskMayHaveBeenCreated, retryAfter);
    }

    /** {@link #toException(int, byte[], boolean, Duration)} for a body already parsed. */
    public static ApiException toException(int status, ErrorBody e, boolean taskMayHaveBeenCreated, Duration retryAfter) {
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

    /**
     * A redirect, which vidgen never follows (the API key must not travel to another host).
     *
     * @param location the {@code Location} header, {@code null} for none
     * @param baseUrl  the base URL in use, to check
     */
    public ApiException redirect(int status, String location, String baseUrl, byte[] body, boolean taskMayHaveBeenCreated) {
        return new ApiException(status, null, null, "unexpected redirect to " + (location == null ? "nowhere" : location)
                + "; vidgen does not follow redirects (the API key must not travel to another host): check the base URL "
                + baseUrl, parse(body).raw(), taskMayHaveBeenCreated);
    }

    /** A 404 to a submit: a wrong base URL (no such endpoint), not a missing task. */
    public ApiException noSuchEndpoint(int status, String path, String baseUrl, byte[] body, boolean taskMayHaveBeenCreated) {
        return new ApiException(status, null, null, "no such endpoint " + path + " at " + baseUrl + ": check the base URL",
                parse(body).raw(), taskMayHaveBeenCreated);
    }
}
