package dev.vidgen.fake.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake API received, recorded on arrival. The {@code Authorization} header's value
 * is never kept: {@link #headers()} shows it as {@code Bearer ***} and {@link #authorized()} says
 * whether it carried an accepted key.
 *
 * @param receivedAt when it arrived, on the fake's clock
 * @param method     the HTTP method
 * @param route      the route it matched
 * @param path       the path
 * @param query      the raw query string, or {@code null}
 * @param headers    the request headers, names normalised (first letter upper case, the rest lower case:
 *                   {@code Content-type}), values of repeated headers together, in order
 * @param body       the body bytes
 * @param authorized whether it carried an accepted bearer key
 * @param fault      the fault the plan applied to it, or {@code null}
 */
public record RecordedRequest(Instant receivedAt, String method, Route route, String path, String query,
                              Map<String, List<String>> headers, byte[] body, boolean authorized, Fault fault) {

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst();
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + (fault == null ? "" : " [" + fault + "]");
    }
}
