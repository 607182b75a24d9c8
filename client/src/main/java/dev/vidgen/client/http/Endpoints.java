package dev.vidgen.client.http;

import dev.vidgen.domain.task.TaskId;
import java.net.URI;
import java.net.URISyntaxException;

/** The API's URLs under one base URL: built once where they do not change, quoted where an id needs it. */
final class Endpoints {

    private static final String SYNC_UPSTREAM = "sync_upstream=true";

    private final URI base;
    private volatile URI submitUri;
    private volatile String queryPrefix;

    Endpoints(URI base) {
        this.base = base;
    }

    /** Built once: the same for every call. */
    URI submit() {
        URI uri = submitUri;
        if (uri == null) {
            uri = endpoint(FoxApiTaskPort.SUBMIT_PATH, null);
            submitUri = uri;
        }
        return uri;
    }

    /**
     * A task id of unreserved characters only (every documented one) needs no quoting, so its URL
     * is the quoted prefix plus the id; any other id goes through the quoting constructor.
     */
    URI query(TaskId id, boolean syncUpstream) {
        String value = id.value();
        if (!isUnreserved(value)) {
            return endpoint(FoxApiTaskPort.TASKS_PATH + value, syncUpstream ? SYNC_UPSTREAM : null);
        }
        String prefix = queryPrefix;
        if (prefix == null) {
            prefix = endpoint(FoxApiTaskPort.TASKS_PATH, null).toString();
            queryPrefix = prefix;
        }
        return URI.create(syncUpstream ? prefix + value + "?" + SYNC_UPSTREAM : prefix + value);
    }

    private static boolean isUnreserved(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    URI endpoint(String path, String query) {
        try {
            // the multi-argument constructor quotes what a task id might hold that a path may not
            return new URI(base.getScheme(), base.getRawAuthority(), (base.getPath() == null ? "" : base.getPath()) + path, query, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build the URL for " + path + ": " + e.getMessage(), e);
        }
    }
}
