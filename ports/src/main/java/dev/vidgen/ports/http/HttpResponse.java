package dev.vidgen.ports.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP response: any status, 1xx aside, is a response and not an exception. The body is what
 * the exchange's {@link BodySink} made of the bytes (a capped byte array, a file, ...): the
 * transport never holds a body itself.
 *
 * @param status  the status code
 * @param headers header names to values
 * @param body    what the sink made of the body
 * @param <T>     the type the sink produces
 */
public record HttpResponse<T>(int status, Map<String, List<String>> headers, T body) {

    /** Copies the headers. */
    public HttpResponse {
        headers = ResponseHead.copy(headers);
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return Headers.first(headers, name);
    }

    /** Never prints header values or the body. */
    @Override
    public String toString() {
        String size = body instanceof byte[] b ? b.length + " bytes" : body == null ? "none" : body.getClass().getSimpleName();
        return "HttpResponse[" + status + ", body=" + size + "]";
    }
}
