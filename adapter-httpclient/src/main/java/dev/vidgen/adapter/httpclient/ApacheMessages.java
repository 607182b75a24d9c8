package dev.vidgen.adapter.httpclient;

import dev.vidgen.adapter.support.TransportSupport;
import dev.vidgen.ports.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.core5.http.Header;

/** Maps vidgen's requests to Apache's and Apache's response headers back: no state, no I/O. */
final class ApacheMessages {

    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    static SimpleHttpRequest toSimple(HttpRequest request) {
        SimpleHttpRequest simple = SimpleHttpRequest.create(request.method(), TransportSupport.checkUri(request.uri()));
        TransportSupport.checkAndForEachHeader(request, simple::addHeader);
        byte[] body = request.body();
        if (body.length > 0 || METHODS_WITH_BODY.contains(request.method().toUpperCase(java.util.Locale.ROOT))) {
            // no ContentType here: the request's own Content-Type header is sent as given
            simple.setBody(body, null);
        }
        return simple;
    }

    static Map<String, List<String>> toMap(Header[] headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header h : headers) {
            map.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
        }
        return map;
    }

    private ApacheMessages() {
    }
}
