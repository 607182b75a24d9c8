package dev.vidgen.fake.internal;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.fake.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One task as both fakes keep it: what created it, the script it follows, how often it was
 * queried and when a query first saw it completed (results expire 24 hours after that).
 * Thread-safe. Internal to the fakes.
 */
public final class FakeTask {

    private final TaskId id;
    private final VideoRequest request;
    private final String body;
    private final Instant createdAt;
    private final Lifecycle lifecycle;
    private final AtomicInteger queries = new AtomicInteger();
    private volatile Instant completedAt;

    FakeTask(TaskId id, VideoRequest request, String body, Instant createdAt, Lifecycle lifecycle) {
        this.id = id;
        this.request = request;
        this.body = body;
        this.createdAt = createdAt;
        this.lifecycle = lifecycle;
    }

    /** The id. */
    public TaskId id() {
        return id;
    }

    /** The request that created it. */
    public VideoRequest request() {
        return request;
    }

    /** The submit body as received over HTTP, or {@code null} when it came in as a typed request. */
    public String body() {
        return body;
    }

    /** When it was created, on the fake's clock. */
    public Instant createdAt() {
        return createdAt;
    }

    /** The script it follows. */
    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** How many queries reached it so far. */
    public int queries() {
        return queries.get();
    }

    /** When a query first saw it completed, or {@code null}. */
    public Instant completedAt() {
        return completedAt;
    }

    /** One query at {@code now}: counts it and returns what the script shows. */
    public Lifecycle.Snapshot query(Instant now) {
        Lifecycle.Snapshot s = lifecycle.at(queries.incrementAndGet(), Duration.between(createdAt, now));
        if (s.outcome() == Lifecycle.Outcome.COMPLETED) {
            completedOnce(now);
        }
        return s;
    }

    private synchronized void completedOnce(Instant now) {
        if (completedAt == null) {
            completedAt = now;
        }
    }
}
