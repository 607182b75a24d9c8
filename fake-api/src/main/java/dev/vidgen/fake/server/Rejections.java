package dev.vidgen.fake.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.fake.internal.ApiErrors;
import dev.vidgen.fake.internal.RequestRules;
import java.io.IOException;
import java.util.List;

/**
 * How the fake API refuses a submit: 400 for a body that is not JSON (or not an object), 422
 * {@code model_not_supported} for an unknown model, else 422 naming every violated rule and field.
 */
final class Rejections {

    private Rejections() {
    }

    static Answer of(List<Violation> violations, byte[] body) {
        Violation first = violations.get(0);
        if (violations.stream().anyMatch(v -> v.ruleId().equals(FoxApiCodec.RULE_SYNTAX))
                || (first.ruleId().equals(FoxApiCodec.RULE_TYPE) && (first.path() == null || first.path().isEmpty()))) {
            return Answer.error(400, "invalid_request_error", null, "invalid JSON body: " + first.message());
        }
        if (first.ruleId().equals(FoxApiCodec.RULE_MODEL) && modelGiven(body)) {
            return Answer.error(422, "invalid_request_error", "model_not_supported", first.message()).param("model");
        }
        StringBuilder message = new StringBuilder();
        ArrayNode list = ApiErrors.JSON.createArrayNode();
        for (Violation v : violations) {
            String field = RequestRules.jsonPath(v.path());
            message.append(message.length() == 0 ? "" : "; ").append(field.isEmpty() ? "request" : field).append(": ")
                    .append(v.message()).append(" [").append(v.ruleId()).append(']');
            ObjectNode item = list.addObject();
            item.put("rule", v.ruleId());
            item.put("field", field);
            item.put("message", v.message());
        }
        Answer answer = Answer.error(422, "invalid_request_error", first.ruleId(), message.toString()).param(RequestRules.jsonPath(first.path()));
        ((ObjectNode) answer.json.get("error")).set("violations", list);
        return answer;
    }

    private static boolean modelGiven(byte[] body) {
        try {
            JsonNode model = ApiErrors.JSON.readTree(body).get("model");
            return model != null && model.isTextual() && !model.asText().isBlank();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
