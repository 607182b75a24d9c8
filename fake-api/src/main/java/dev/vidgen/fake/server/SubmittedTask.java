package dev.vidgen.fake.server;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.fake.Lifecycle;
import java.time.Instant;

/**
 * A task the fake API created, as a snapshot.
 *
 * @param id        the task id
 * @param model     the model id of the submit
 * @param request   the submit body as the domain's typed request
 * @param body      the submit body exactly as received
 * @param createdAt when it was created, on the fake's clock
 * @param lifecycle the script it follows
 * @param queries   how many times it has been queried so far
 */
public record SubmittedTask(TaskId id, String model, VideoRequest request, String body, Instant createdAt,
                            Lifecycle lifecycle, int queries) {
}
