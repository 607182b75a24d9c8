package dev.vidgen.reliability.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Every log event of every logger, at TRACE, as text: the formatted line, each argument, the MDC,
 * and the whole throwable (causes and suppressed ones included). Attached to logback's root
 * logger, which it turns to TRACE until {@link #close()}.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /** One captured event: its logger and everything it said. */
    public record Line(String logger, String text) {
    }

    private final ConcurrentLinkedQueue<Line> lines = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> eventsByLogger = new ConcurrentHashMap<>();
    private final Logger root;
    private final Level previous;

    private LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        this.previous = root.getLevel();
        setContext(context);
        setName("secret-scan");
    }

    private ch.qos.logback.core.Appender<ILoggingEvent> console;

    /** Starts capturing everything, every logger at TRACE. */
    public static LogCapture everything() {
        LogCapture capture = new LogCapture();
        capture.attach();
        return capture;
    }

    private void attach() {
        start();
        // TRACE from every logger is for the scan, not for the build's console
        console = root.getAppender("CONSOLE");
        if (console != null) {
            root.detachAppender(console);
        }
        root.addAppender(this);
        root.setLevel(Level.TRACE);
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder sb = new StringBuilder();
        sb.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(" - ").append(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            sb.append(" | args: ").append(Arrays.deepToString(event.getArgumentArray()));
        }
        if (!event.getMDCPropertyMap().isEmpty()) {
            sb.append(" | mdc: ").append(event.getMDCPropertyMap());
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            sb.append('\n').append(ThrowableProxyUtil.asString(thrown));
        }
        lines.add(new Line(event.getLoggerName(), sb.toString()));
        eventsByLogger.merge(topLevel(event.getLoggerName()), 1, Integer::sum);
    }

    private static String topLevel(String logger) {
        String[] parts = logger.split("\\.");
        return parts.length <= 3 ? logger : String.join(".", Arrays.copyOf(parts, 3));
    }

    /** Every line captured so far. */
    public List<Line> lines() {
        return new ArrayList<>(lines);
    }

    /** How many events each logger family (first three name parts) sent. */
    public Map<String, Integer> eventsByLogger() {
        return Map.copyOf(eventsByLogger);
    }

    /** Forgets what was captured. */
    public void clear() {
        lines.clear();
        eventsByLogger.clear();
    }

    /** Detaches and puts the root level back. */
    @Override
    public void close() {
        root.detachAppender(this);
        root.setLevel(previous);
        if (console != null) {
            root.addAppender(console);
        }
        stop();
    }
}
