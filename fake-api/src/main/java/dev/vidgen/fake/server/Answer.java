package dev.vidgen.fake.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidgen.fake.internal.ApiErrors;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One answer of the fake API before it is written, so that a fault can still spoil it. */
final class Answer {

    final int status;
    final String contentType;
    final ObjectNode json;
    final byte[] raw;
    final boolean headOnly;
    final Map<String, String> headers = new LinkedHashMap<>();

    /** A JSON answer. */
    Answer(int status, ObjectNode json) {
        this.status = status;
        this.contentType = "application/json";
        this.json = json;
        this.raw = null;
        this.headOnly = false;
    }

    /** An answer of raw bytes; {@code headOnly} for the answer to a HEAD request. */
    Answer(int status, String contentType, byte[] raw, boolean headOnly) {
        this.status = status;
        this.contentType = contentType;
        this.json = null;
        this.raw = raw;
        this.headOnly = headOnly;
    }

    /** The API's error answer. */
    static Answer error(int status, String type, String code, String message) {
        return new Answer(status, ApiErrors.body(type, code, message));
    }

    /** A 405 naming the allowed methods. */
    static Answer methodNotAllowed(String method, String allowed) {
        String use = allowed.split(",")[0].trim();
        return error(405, "invalid_request_error", null, method + " is not allowed here; use " + use).header("Allow", allowed);
    }

    Answer header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Names the offending field of an error answer. */
    Answer param(String name) {
        ((ObjectNode) json.get("error")).put("param", name);
        return this;
    }

    /** The body bytes; with {@code unknownFields}, JSON gains fields the API does not document. */
    byte[] bytes(boolean unknownFields) {
        if (json == null) {
            return raw;
        }
        try {
            return ApiErrors.JSON.writeValueAsBytes(unknownFields ? withUnknownFields(json.deepCopy()) : json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds undocumented fields at every level a client reads, so a strict parser breaks. */
    private static ObjectNode withUnknownFields(ObjectNode node) {
        node.put("x_fake_unknown", "ignore me");
        node.putObject("x_fake_object").put("nested", true).putArray("list").add(1).add("two");
        for (String nested : List.of("task_info", "error", "usage", "output")) {
            if (node.get(nested) instanceof ObjectNode o) {
                o.put("x_fake_unknown", 42);
            }
        }
        if (node.get("results") instanceof ArrayNode results) {
            results.forEach(r -> ((ObjectNode) r).put("x_fake_thumbnail_url", "http://127.0.0.1/thumb.jpg"));
        }
        return node;
    }
}
