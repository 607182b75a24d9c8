package dev.vidgen.micrometer;

import dev.vidgen.client.observe.CallSpan;
import dev.vidgen.client.observe.ClientCall;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.observe.HttpAttempt;
import dev.vidgen.client.observe.TaskEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's {@link ClientObserver} on Micrometer: metrics on a {@link MeterRegistry}, and one
 * {@link Observation} per client call on an {@link ObservationRegistry} (a span through Micrometer
 * Tracing, and, with Micrometer's {@code DefaultMeterObservationHandler}, the timer
 * {@value #CALLS}).
 *
 * <pre>{@code
 * VideoClient client = VideoClient.builder()
 *         .observer(new MicrometerObserver(meterRegistry, observationRegistry))
 *         .build();
 * }</pre>
 *
 * <p>Tags never hold a task id, a prompt or the key; models and error codes come from answers and
 * are bounded ({@value #MAX_TAG_VALUES} distinct values per tag, then {@code other}). The task id
 * is the observation's high-cardinality key {@value #SPAN_TASK_ID}: a span attribute, never a
 * metric tag. The meters are listed in the README's "Metrics" table.
 */
public final class MicrometerObserver implements ClientObserver {

    /** Timer of HTTP attempts; tags {@value #TAG_OPERATION}, {@value #TAG_STATUS}, {@value #TAG_OUTCOME}. */
    public static final String HTTP_REQUESTS = "vidgen.http.requests";
    /** Counter of retries (attempts after a call's first); tag {@value #TAG_OPERATION}. */
    public static final String HTTP_RETRIES = "vidgen.http.retries";
    /** Counter of tasks the server accepted; tag {@value #TAG_MODEL}. */
    public static final String TASKS_SUBMITTED = "vidgen.tasks.submitted";
    /** Counter of tasks a wait saw completed; tag {@value #TAG_MODEL}. */
    public static final String TASKS_COMPLETED = "vidgen.tasks.completed";
    /** Counter of tasks a wait saw failed or cancelled; tags {@value #TAG_MODEL}, {@value #TAG_ERROR_CODE}. */
    public static final String TASKS_FAILED = "vidgen.tasks.failed";
    /** Timer from the submit to completion; tag {@value #TAG_MODEL}. */
    public static final String TASKS_DURATION = "vidgen.tasks.duration";
    /** Distribution of polls per wait; tags {@value #TAG_MODEL}, {@value #TAG_OUTCOME}. */
    public static final String TASKS_POLLS = "vidgen.tasks.polls";
    /** Gauge of waits in progress; no tags. */
    public static final String WAITS_ACTIVE = "vidgen.waits.active";
    /** Timer of downloads (retries included); tags {@value #TAG_MODEL}, {@value #TAG_OUTCOME}. */
    public static final String DOWNLOADS = "vidgen.downloads";
    /** Distribution of downloaded bytes; tag {@value #TAG_MODEL}. */
    public static final String DOWNLOAD_BYTES = "vidgen.downloads.bytes";
    /** The name of every call's observation; tags {@value #TAG_OPERATION} and {@value #TAG_MODEL}. */
    public static final String CALLS = "vidgen.calls";

    /** Tag: {@code submit}/{@code query}/{@code download} (HTTP) or the call's name (observations). */
    public static final String TAG_OPERATION = "operation";
    /** Tag: the HTTP status, or {@code none} when no answer came. */
    public static final String TAG_STATUS = "status";
    /** Tag: how an attempt, wait or download ended. */
    public static final String TAG_OUTCOME = "outcome";
    /** Tag: the model id. */
    public static final String TAG_MODEL = "model";
    /** Tag: the task's error code ({@code none} when the server gave none). */
    public static final String TAG_ERROR_CODE = "error.code";
    /** High-cardinality observation key (a span attribute): the task id. */
    public static final String SPAN_TASK_ID = "vidgen.task.id";
    /** Distinct values a model or error-code tag may take before new ones become {@code other}. */
    public static final int MAX_TAG_VALUES = 100;

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final BoundedTags models = new BoundedTags(MAX_TAG_VALUES);
    private final BoundedTags errorCodes = new BoundedTags(MAX_TAG_VALUES);
    private final AtomicInteger activeWaits = new AtomicInteger();

    /**
     * An observer recording metrics on {@code meters} and observations on {@code observations}.
     *
     * @param meters       where the metrics go
     * @param observations where the calls' observations go; {@link ObservationRegistry#NOOP} for none
     */
    public MicrometerObserver(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.observations = Objects.requireNonNull(observations, "observations");
        Gauge.builder(WAITS_ACTIVE, activeWaits, AtomicInteger::get).description("waits for a task in progress").register(meters);
    }

    /** An observer recording metrics only (no observations). */
    public MicrometerObserver(MeterRegistry meters) {
        this(meters, ObservationRegistry.NOOP);
    }

    @Override
    public void httpAttempt(HttpAttempt attempt) {
        String operation = attempt.operation().tag();
        Timer.builder(HTTP_REQUESTS).description("HTTP attempts to the API and to result URLs")
                .tag(TAG_OPERATION, operation)
                .tag(TAG_STATUS, attempt.status() == 0 ? BoundedTags.NONE : String.valueOf(attempt.status()))
                .tag(TAG_OUTCOME, attempt.outcome().name())
                .register(meters).record(attempt.duration());
        if (attempt.retry()) {
            Counter.builder(HTTP_RETRIES).description("HTTP attempts after a call's first").tag(TAG_OPERATION, operation)
                    .register(meters).increment();
        }
    }

    @Override
    public void taskEvent(TaskEvent event) {
        String model = models.of(event.model());
        switch (event.kind()) {
            case SUBMITTED -> counter(TASKS_SUBMITTED, "tasks the server accepted", model).increment();
            case COMPLETED -> {
                counter(TASKS_COMPLETED, "tasks seen completed", model).increment();
                if (event.duration() != null) {
                    Timer.builder(TASKS_DURATION).description("time from the submit to completion").tag(TAG_MODEL, model)
                            .register(meters).record(event.duration());
                }
            }
            case FAILED -> Counter.builder(TASKS_FAILED).description("tasks seen failed or cancelled").tag(TAG_MODEL, model)
                    .tag(TAG_ERROR_CODE, errorCodes.of(event.errorCode())).register(meters).increment();
            case WAIT_STARTED -> activeWaits.incrementAndGet();
            case WAIT_ENDED -> {
                activeWaits.decrementAndGet();
                DistributionSummary.builder(TASKS_POLLS).description("polls made by one wait").tag(TAG_MODEL, model)
                        .tag(TAG_OUTCOME, event.outcome()).register(meters).record(event.count());
            }
            case DOWNLOADED -> {
                Timer.builder(DOWNLOADS).description("downloads of result videos, retries included").tag(TAG_MODEL, model)
                        .tag(TAG_OUTCOME, event.outcome()).register(meters).record(event.duration());
                if (event.bytes() >= 0) {
                    DistributionSummary.builder(DOWNLOAD_BYTES).description("size of downloaded videos").baseUnit("bytes")
                            .tag(TAG_MODEL, model).register(meters).record(event.bytes());
                }
            }
            default -> { } // POLLED: counted per wait in TASKS_POLLS
        }
    }

    @Override
    public CallSpan callStarted(ClientCall call) {
        Observation observation = Observation.createNotStarted(CALLS, observations)
                .contextualName("vidgen " + call.name().toLowerCase(Locale.ROOT))
                .lowCardinalityKeyValue(TAG_OPERATION, call.name())
                .lowCardinalityKeyValue(TAG_MODEL, models.of(call.model()));
        if (call.taskId() != null) {
            observation.highCardinalityKeyValue(SPAN_TASK_ID, call.taskId().value());
        }
        if (call.parent() instanceof ObservationSpan parent) {
            observation.parentObservation(parent.observation());
        }
        return new ObservationSpan(observation.start(), models);
    }

    private Counter counter(String name, String description, String model) {
        return Counter.builder(name).description(description).tag(TAG_MODEL, model).register(meters);
    }

    @Override
    public String toString() {
        return "MicrometerObserver[" + meters.getClass().getSimpleName() + "]";
    }
}
