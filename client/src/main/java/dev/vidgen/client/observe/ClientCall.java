package dev.vidgen.client.observe;

import dev.vidgen.domain.task.TaskId;
import java.util.Objects;

/**
 * A client call about to start, as {@link ClientObserver#callStarted(ClientCall)} hears it.
 *
 * @param name   what the call does: {@value #SUBMIT}, {@value #GET}, {@value #AWAIT},
 *               {@value #DOWNLOAD} or {@value #SUBMIT_AND_AWAIT}
 * @param model  the model id when known at the start (a submit's request, a download's task), else {@code null}
 * @param taskId the task when known at the start, else {@code null}
 * @param parent the span of the call this one is part of ({@code submitAndAwait} for its submit and
 *               its wait), else {@code null}
 */
public record ClientCall(String name, String model, TaskId taskId, CallSpan parent) {

    /** {@code VideoClient.submit}. */
    public static final String SUBMIT = "submit";
    /** {@code VideoClient.get}. */
    public static final String GET = "get";
    /** {@code VideoClient.await}. */
    public static final String AWAIT = "await";
    /** {@code VideoClient.download}. */
    public static final String DOWNLOAD = "download";
    /** {@code VideoClient.submitAndAwait}: the parent of its submit and its await. */
    public static final String SUBMIT_AND_AWAIT = "submit-and-await";

    /** Checks that the call has a name. */
    public ClientCall {
        Objects.requireNonNull(name, "name");
    }
}
