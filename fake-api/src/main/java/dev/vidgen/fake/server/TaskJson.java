package dev.vidgen.fake.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.internal.ApiErrors;
import dev.vidgen.fake.internal.FakeTask;
import java.net.URI;
import java.util.List;

/** A task as the API's JSON: the submit answer and the query answer (results in either {@link ResultShape}). */
final class TaskJson {

    private TaskJson() {
    }

    /** The answer to an accepted submit: always {@code pending} at 0%, with the lifecycle's estimate. */
    static ObjectNode submitted(FakeTask task) {
        ObjectNode json = ApiErrors.JSON.createObjectNode();
        json.put("created", task.createdAt().getEpochSecond());
        json.put("id", task.id().value());
        json.put("model", task.request().modelId());
        json.put("object", "video.generation.task");
        json.put("progress", 0);
        json.put("status", "pending");
        ObjectNode info = json.putObject("task_info");
        info.put("can_cancel", true);
        info.put("estimated_time", Math.max(1, task.lifecycle().estimatedTime().toSeconds()));
        json.put("type", "video");
        return json;
    }

    /**
     * The answer to a query that saw {@code s}; {@code videos} are the result URLs when it is
     * completed (empty for "completed without results").
     */
    static ObjectNode queried(FakeTask task, Lifecycle.Snapshot s, List<URI> videos, ResultShape shape) {
        ObjectNode json = ApiErrors.JSON.createObjectNode();
        json.put("id", task.id().value());
        json.put("object", "video.generation.task");
        json.put("type", "video");
        json.put("model", task.request().modelId());
        json.put("status", s.status());
        json.put("progress", s.progress());
        json.put("created", task.createdAt().getEpochSecond());
        boolean completed = s.outcome() == Lifecycle.Outcome.COMPLETED;
        if (shape == ResultShape.OUTPUT) {
            if (completed) {
                output(json.putObject("output"), videos);
            } else {
                json.putNull("output");
            }
        } else if (completed) {
            ArrayNode results = json.putArray("results");
            for (URI video : videos) {
                size(results.addObject().put("url", video.toString()));
            }
        } else {
            json.putNull("results");
        }
        if (s.error() != null) {
            ObjectNode err = json.putObject("error");
            err.put("code", s.error().code());
            err.put("message", s.error().message());
            err.put("type", s.error().type());
        } else {
            json.putNull("error");
        }
        ObjectNode usage = json.putObject("usage");
        usage.put("credits_reserved", 5);
        usage.put("user_group", "default");
        return json;
    }

    private static void output(ObjectNode output, List<URI> videos) {
        if (!videos.isEmpty()) {
            output.put("url", videos.get(0).toString());
        }
        ArrayNode urls = output.putArray("urls");
        videos.forEach(v -> urls.add(v.toString()));
        size(output);
    }

    /** The sample video's size and length. */
    private static void size(ObjectNode video) {
        video.put("width", SampleVideo.SIZE_PX);
        video.put("height", SampleVideo.SIZE_PX);
        video.put("duration", 1);
    }
}
