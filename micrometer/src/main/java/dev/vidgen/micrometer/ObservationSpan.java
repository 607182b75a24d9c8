package dev.vidgen.micrometer;

import dev.vidgen.client.observe.CallSpan;
import dev.vidgen.domain.task.TaskId;
import io.micrometer.observation.Observation;

/** A client call as a started Micrometer {@link Observation}; the task id is a high-cardinality key (a span attribute only). */
final class ObservationSpan implements CallSpan {

    private final Observation observation;
    private final BoundedTags models;

    ObservationSpan(Observation observation, BoundedTags models) {
        this.observation = observation;
        this.models = models;
    }

    Observation observation() {
        return observation;
    }

    @Override
    public void identify(TaskId id, String model) {
        if (id != null) {
            observation.highCardinalityKeyValue(MicrometerObserver.SPAN_TASK_ID, id.value());
        }
        if (model != null) {
            observation.lowCardinalityKeyValue(MicrometerObserver.TAG_MODEL, models.of(model));
        }
    }

    @Override
    public void end(Throwable error) {
        if (error != null) {
            observation.error(error);
        }
        observation.stop();
    }
}
