package dev.vidgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.jobs.JobKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch file: JSON Lines, each a request body as {@code submit} takes it or
 * {@code {"key": "...", "request": {...}}}; blank lines skipped. Every line is checked before
 * anything is submitted. The default key is derived from the content: a hash of the canonical
 * body plus its occurrence number among identical bodies, so reordering the lines or running the
 * same file again submits nothing twice.
 */
final class BatchFile {

    /** Rule id of a line that is not a JSON object. */
    static final String RULE_LINE = "batch.line";
    /** Rule id of a bad key. */
    static final String RULE_KEY = "batch.key";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One job of the file.
     *
     * @param line    its line number (from 1)
     * @param key     its key
     * @param request the checked request
     */
    record Entry(int line, JobKey key, VideoRequest request) {
    }

    /**
     * A problem of one line.
     *
     * @param line      its line number
     * @param violation what is wrong
     */
    record Problem(int line, Violation violation) {
        String describe() {
            return "line " + line + ": " + Errors.violationLine(violation);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private BatchFile() {
    }

    /** Parses and checks every line of {@code text}. */
    static BatchFile parse(String text) {
        BatchFile f = new BatchFile();
        Map<String, Integer> occurrences = new HashMap<>();
        Map<JobKey, String> bodies = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                f.problems.add(new Problem(n, new Violation(RULE_LINE, "", null, "the line is not JSON")));
                continue;
            }
            if (node == null || !node.isObject()) {
                f.problems.add(new Problem(n, new Violation(RULE_LINE, "", null, "the line must be a JSON object")));
                continue;
            }
            boolean wrapped = node.has("request") && !node.has("model");
            JsonNode body = wrapped ? node.get("request") : node;
            VideoRequest request;
            try {
                request = LocalRules.read(JSON.writeValueAsBytes(body));
            } catch (RequestValidationException e) {
                e.violations().forEach(v -> f.problems.add(new Problem(n, v)));
                continue;
            } catch (IOException e) {
                f.problems.add(new Problem(n, new Violation(RULE_LINE, "request", null, "the request is not JSON")));
                continue;
            }
            String canonical = new String(LocalRules.encode(request), StandardCharsets.UTF_8);
            JobKey key;
            try {
                key = wrapped ? explicitKey(node) : derivedKey(canonical, occurrences.merge(canonical, 1, Integer::sum));
            } catch (IllegalArgumentException e) {
                f.problems.add(new Problem(n, new Violation(RULE_KEY, "key", node.path("key").toString(), e.getMessage())));
                continue;
            }
            String earlier = bodies.putIfAbsent(key, canonical);
            if (earlier != null) {
                f.problems.add(new Problem(n, new Violation(RULE_KEY, "key", key.value(),
                        "key '" + key.value() + "' is used by an earlier line; each job needs its own key")));
                continue;
            }
            f.entries.add(new Entry(n, key, request));
        }
        return f;
    }

    private static JobKey explicitKey(JsonNode node) {
        JsonNode k = node.get("key");
        if (k == null || !k.isTextual()) {
            throw new IllegalArgumentException("key must be a string of 1 to " + JobKey.MAX_LENGTH + " characters");
        }
        if (node.size() != 2) {
            throw new IllegalArgumentException("a wrapped line has exactly the fields key and request");
        }
        return new JobKey(k.asText());
    }

    /** {@code b-} + 20 hex digits of SHA-256 of the canonical body + {@code -} + occurrence. */
    static JobKey derivedKey(String canonicalBody, int occurrence) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalBody.getBytes(StandardCharsets.UTF_8));
            return new JobKey("b-" + HexFormat.of().formatHex(hash).substring(0, 20) + "-" + occurrence);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    List<Entry> entries() {
        return entries;
    }

    List<Problem> problems() {
        return problems;
    }
}
