package dev.vidgen.client.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vidgen.client.error.MalformedResponseException;
import dev.vidgen.domain.task.TaskError;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.task.Usage;
import dev.vidgen.domain.task.VideoTask;
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

/**
 * Task answers (to a submit and to a task query) to {@link VideoTask}s. Lenient about everything
 * but what vidgen needs: unknown fields are ignored, an unknown status is kept as its raw text,
 * only {@code id} and {@code status} are required. Thread-safe and immutable.
 *
 * <p>Results come in two shapes: {@code "results": [{"url": ...}, ...]} (preferred when it lists
 * any) or {@code "output": {"urls": [...], "url": ..., "duration": 5, "width": 1280, "height": 720}}
 * ({@code urls}, else {@code url}); the output's other fields are kept in each result's
 * {@link TaskResult#extra()}. A result entry without a usable URL (missing, {@code null}, blank,
 * with spaces or control characters, not a URI) does not make the answer unreadable: it is left
 * out of the results and described in {@link VideoTask#resultProblems()}, so a terminal status
 * stays terminal.
 */
public final class TaskJson {

    private final ObjectMapper answers = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A task decoder. */
    public TaskJson() {
    }

    /**
     * Reads a submit or task-query answer.
     *
     * @param json       the 2xx body
     * @param observedAt when the answer arrived (the snapshot's time)
     * @throws MalformedResponseException when the body is not JSON ({@link MalformedResponseException#retryCanHelp()}:
     *         a cut answer may come whole next time) or is JSON without a usable {@code id} or {@code status}
     *         (not retryable: the same answer would come again); {@code taskMayHaveBeenCreated()} is false:
     *         callers that submitted rethrow it with true
     */
    public VideoTask decode(byte[] json, Instant observedAt) {
        Objects.requireNonNull(observedAt, "observedAt");
        JsonNode root;
        try {
            root = json == null || json.length == 0 ? null : answers.readTree(json);
        } catch (IOException e) {
            String why = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
            throw new MalformedResponseException("the task answer is not JSON: " + Sanitizer.sanitize(why), e, false, true);
        }
        if (root == null) {
            throw new MalformedResponseException("the task answer is empty", null, false, true);
        }
        if (!root.isObject()) {
            throw new MalformedResponseException("the task answer is not a JSON object: " + cut(json), null, false, false);
        }
        JsonNode idNode = root.get("id");
        if (idNode == null || !idNode.isTextual()) {
            throw new MalformedResponseException("the task answer has no id: " + cut(json), null, false, false);
        }
        TaskId id;
        try {
            id = TaskId.of(idNode.asText());
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException("the task answer has an unusable id: " + Sanitizer.sanitize(e.getMessage()),
                    null, false, false);
        }
        JsonNode statusNode = root.get("status");
        if (statusNode == null || !statusNode.isTextual() || statusNode.asText().isBlank()) {
            throw new MalformedResponseException("the answer for task " + id + " has no status: " + cut(json), null, false, false);
        }
        JsonNode taskInfo = root.path("task_info");
        Double estimate = number(taskInfo.get("estimated_time"));
        Double created = number(root.get("created"));
        Double progress = number(root.get("progress"));
        List<String> problems = new ArrayList<>();
        List<TaskResult> results = results(root, problems);
        return new VideoTask(
                id,
                text(root.get("model")),
                TaskStatus.parse(statusNode.asText()),
                progress == null ? null : (int) Math.max(0, Math.min(100, Math.round(progress))),
                duration(estimate),
                results,
                taskError(root.get("error")),
                usage(root.get("usage")),
                epochSeconds(created),
                observedAt,
                null,
                problems);
    }

    /** An estimate no Duration can hold (or a negative one) is dropped, not fatal. */
    private static Duration duration(Double seconds) {
        if (seconds == null || !Double.isFinite(seconds) || seconds < 0 || seconds > 1e12) {
            return null;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** A creation time vidgen only reports: one that no Instant can hold is dropped, not fatal. */
    private static Instant epochSeconds(Double seconds) {
        if (seconds == null || !Double.isFinite(seconds)
                || seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            return null;
        }
        return Instant.ofEpochSecond(seconds.longValue());
    }

    /** {@code results} when it lists any, else {@code output.urls}, else {@code output.url}. */
    private List<TaskResult> results(JsonNode root, List<String> problems) {
        JsonNode results = root.get("results");
        if (results != null && results.isArray() && !results.isEmpty()) {
            List<TaskResult> out = new ArrayList<>();
            int i = 0;
            for (JsonNode item : results) {
                JsonNode url = item.isObject() ? item.get("url") : item;
                Map<String, Object> extra = item.isObject() ? extras(item, "url") : Map.of();
                add(out, problems, "result " + i, url, extra);
                i++;
            }
            return out;
        }
        JsonNode output = root.get("output");
        if (output == null || !output.isObject()) {
            return List.of();
        }
        Map<String, Object> extra = extras(output, "url", "urls");
        List<TaskResult> out = new ArrayList<>();
        JsonNode urls = output.get("urls");
        if (urls != null && urls.isArray() && !urls.isEmpty()) {
            int i = 0;
            for (JsonNode url : urls) {
                add(out, problems, "output.urls[" + i + "]", url, extra);
                i++;
            }
        } else if (output.has("url")) {
            add(out, problems, "output.url", output.get("url"), extra);
        }
        return out;
    }

    private static void add(List<TaskResult> out, List<String> problems, String where, JsonNode urlNode, Map<String, Object> extra) {
        String problem = null;
        URI url = null;
        if (urlNode == null || urlNode.isMissingNode()) {
            problem = "has no url";
        } else if (urlNode.isNull()) {
            problem = "the url is null";
        } else if (!urlNode.isTextual()) {
            problem = "the url is not a string";
        } else {
            String text = urlNode.asText().strip();
            if (text.isEmpty()) {
                problem = "the url is empty";
            } else if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                problem = "the url contains spaces or control characters: " + Sanitizer.sanitize(cut(text));
            } else {
                try {
                    url = new URI(text);
                } catch (URISyntaxException e) {
                    problem = "the url is not a URI: " + Sanitizer.sanitize(cut(text));
                }
            }
        }
        if (problem != null) {
            problems.add(where + ": " + problem);
        } else {
            out.add(new TaskResult(url, extra));
        }
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
        return new Usage(credits == null || !Double.isFinite(credits) ? null : credits.longValue(), text(node.get("user_group")),
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

    static String text(JsonNode node) {
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

    private static String cut(byte[] body) {
        return body == null ? "<empty>" : cut(new String(body, StandardCharsets.UTF_8));
    }

    private static String cut(String s) {
        return Sanitizer.sanitize(s.length() > 200 ? s.substring(0, 200) + "..." : s);
    }
}
