package dev.vidgen.cli;

import dev.vidgen.client.protocol.Sanitizer;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a task is printed: a few readable lines, or one JSON object in the API's own field names.
 * Everything in it came from the server, so the lines are {@link Printable#text escaped} and the
 * JSON escapes every character a terminal could act on.
 */
final class TaskOutput {

    private static final ObjectMapper JSON = JsonMapper.builder(
            new JsonFactoryBuilder().characterEscapes(new TerminalSafeEscapes()).build()).build();

    private TaskOutput() {
    }

    /** One line: id, status, percent. */
    static String summary(VideoTask task) {
        StringBuilder sb = new StringBuilder(task.id().value()).append("  ").append(task.status().raw());
        if (task.progress() != null && !task.isTerminal()) {
            sb.append(' ').append(task.progress()).append('%');
        }
        if (task.model() != null) {
            sb.append("  ").append(task.model());
        }
        return Printable.text(sb.toString());
    }

    /**
     * The lines {@code status} prints: summary, error, result URLs, and for a completed task when
     * its results expire, as an upper bound: the snapshot shows that the task had completed by the
     * time it was read, not when, and results are kept {@link VideoTask#RESULT_LIFETIME} from completion.
     */
    static List<String> details(VideoTask task) {
        List<String> lines = new ArrayList<>();
        lines.add(summary(task));
        if (task.error() != null) {
            lines.add(Printable.text("error: " + task.error().code()
                    + (task.error().message() == null ? "" : ": " + task.error().message())));
        }
        for (TaskResult r : task.results()) {
            lines.add(Printable.text(r.url().toString()));
        }
        if (task.status().state() == TaskState.COMPLETED && !task.results().isEmpty()) {
            Instant completedBy = task.observedAt().truncatedTo(ChronoUnit.SECONDS);
            lines.add("completed at or before " + completedBy + "; results valid until at most "
                    + completedBy.plus(VideoTask.RESULT_LIFETIME));
        }
        return lines;
    }

    /** The task as one line of JSON: {@code id, model, status, progress, estimated_time, created, results, error, usage}. */
    static String json(VideoTask task) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", task.id().value());
        if (task.model() != null) {
            o.put("model", task.model());
        }
        o.put("status", task.status().raw());
        if (task.progress() == null) {
            o.putNull("progress");
        } else {
            o.put("progress", task.progress());
        }
        if (task.estimatedTime() != null) {
            o.put("estimated_time", task.estimatedTime().toSeconds());
        }
        if (task.createdAt() != null) {
            o.put("created", task.createdAt().getEpochSecond());
        }
        if (task.isTerminal() || !task.results().isEmpty()) {
            ArrayNode results = o.putArray("results");
            for (TaskResult r : task.results()) {
                ObjectNode item = results.addObject();
                item.put("url", r.url().toString());
                for (Map.Entry<String, Object> e : r.extra().entrySet()) {
                    item.set(e.getKey(), JSON.valueToTree(e.getValue()));
                }
            }
        } else {
            o.putNull("results");
        }
        if (task.error() == null) {
            o.putNull("error");
        } else {
            ObjectNode e = o.putObject("error");
            e.put("code", task.error().code());
            e.put("message", task.error().message());
            e.put("type", task.error().type());
        }
        if (task.usage() != null) {
            ObjectNode u = o.putObject("usage");
            if (task.usage().creditsReserved() != null) {
                u.put("credits_reserved", task.usage().creditsReserved());
            }
            if (task.usage().userGroup() != null) {
                u.put("user_group", task.usage().userGroup());
            }
            task.usage().extra().forEach((k, v) -> u.set(k, JSON.valueToTree(v)));
        }
        o.put("observed_at", task.observedAt().toString());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the task as JSON", e);
        }
    }

    /**
     * Jackson's escapes plus every character {@link Printable#unsafe} names: C1 controls, bidi
     * overrides, zero-width and separator characters are written as <code>&#92;uXXXX</code>, which
     * any JSON reader reads back as the same text.
     */
    private static final class TerminalSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch <= 0xffff && Sanitizer.unsafe((char) ch)) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
