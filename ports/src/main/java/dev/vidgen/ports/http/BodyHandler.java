package dev.vidgen.ports.http;

/**
 * Decides, from the response head, where the body of one exchange goes (the JDK's
 * {@code HttpResponse.BodyHandler} is the model). Called once per exchange, before any body byte;
 * an exception it throws ends the exchange (the connection is closed, not reused) and fails it
 * with that very exception.
 *
 * @param <T> what the sink makes of the body
 */
@FunctionalInterface
public interface BodyHandler<T> {

    /** The sink for this response's body. */
    BodySink<T> open(ResponseHead head);
}
