package dev.vidgen.domain.task;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One output of a completed task.
 *
 * @param url   where the video can be downloaded (valid for 24 hours)
 * @param extra any further fields the server sent (width, height, duration, ...), keyed by their JSON names
 */
public record TaskResult(URI url, Map<String, Object> extra) {

    public TaskResult {
        Objects.requireNonNull(url, "url");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
