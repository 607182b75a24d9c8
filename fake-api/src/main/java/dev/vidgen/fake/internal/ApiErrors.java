package dev.vidgen.fake.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The API's error body, {@code {"error":{"message","type","code"}}}, as both fakes answer it. Internal to the fakes. */
public final class ApiErrors {

    /** The mapper the fakes write JSON with (thread-safe). */
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private ApiErrors() {
    }

    /** An error body; {@code code} may be {@code null} (then absent). */
    public static ObjectNode body(String type, String code, String message) {
        ObjectNode json = JSON.createObjectNode();
        ObjectNode err = json.putObject("error");
        err.put("message", message);
        err.put("type", type);
        if (code != null) {
            err.put("code", code);
        }
        return json;
    }

    /** An error body as JSON bytes. */
    public static byte[] bytes(String type, String code, String message) {
        return body(type, code, message).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
