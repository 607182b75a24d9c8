package dev.vidgen.client.observe;

import dev.vidgen.domain.task.TaskId;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An observer whose failures are caught and logged once: an observer never breaks a call. */
final class SafeObserver implements ClientObserver {

    private static final Logger LOG = LoggerFactory.getLogger(SafeObserver.class);

    private final ClientObserver delegate;
    private final AtomicBoolean warned = new AtomicBoolean();

    SafeObserver(ClientObserver delegate) {
        this.delegate = delegate;
    }

    @Override
    public void httpAttempt(HttpAttempt attempt) {
        try {
            delegate.httpAttempt(attempt);
        } catch (RuntimeException e) {
            failed("httpAttempt", e);
        }
    }

    @Override
    public void taskEvent(TaskEvent event) {
        try {
            delegate.taskEvent(event);
        } catch (RuntimeException e) {
            failed("taskEvent", e);
        }
    }

    @Override
    public CallSpan callStarted(ClientCall call) {
        CallSpan span;
        try {
            // the delegate is handed its own span as the parent, not this wrapper
            ClientCall own = call.parent() instanceof SafeSpan safe
                    ? new ClientCall(call.name(), call.model(), call.taskId(), safe.span) : call;
            span = delegate.callStarted(own);
        } catch (RuntimeException e) {
            failed("callStarted", e);
            return CallSpan.NOOP;
        }
        return span == null || span == CallSpan.NOOP ? CallSpan.NOOP : new SafeSpan(span);
    }

    /** The observer this one guards. */
    ClientObserver delegate() {
        return delegate;
    }

    private void failed(String method, RuntimeException e) {
        if (warned.compareAndSet(false, true)) {
            LOG.warn("the client observer {} threw from {}; ignored (further failures are logged at debug level)",
                    delegate.getClass().getName(), method, e);
        } else {
            LOG.debug("the client observer {} threw from {}; ignored: {}", delegate.getClass().getName(), method, e.toString());
        }
    }

    @Override
    public String toString() {
        return "safe(" + delegate + ")";
    }

    /** A span whose failures are caught the same way; its parent is the span it wraps. */
    final class SafeSpan implements CallSpan {
        private final CallSpan span;

        SafeSpan(CallSpan span) {
            this.span = span;
        }

        @Override
        public void identify(TaskId id, String model) {
            try {
                span.identify(id, model);
            } catch (RuntimeException e) {
                failed("CallSpan.identify", e);
            }
        }

        @Override
        public void end(Throwable error) {
            try {
                span.end(error);
            } catch (RuntimeException e) {
                failed("CallSpan.end", e);
            }
        }
    }
}
