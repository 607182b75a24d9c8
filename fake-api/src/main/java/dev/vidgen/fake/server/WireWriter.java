package dev.vidgen.fake.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Writes answers on the wire, and spoils them as a {@link Fault} says: error statuses (with the
 * gateway's HTML page for 502/504), delays, TCP resets, disconnects, truncated or malformed bodies.
 */
final class WireWriter {

    private final FaultPlan faults;
    private final TcpFront front;
    private final ScheduledExecutorService timer;
    private final Supplier<Instant> clock;

    WireWriter(FaultPlan faults, TcpFront front, ScheduledExecutorService timer, Supplier<Instant> clock) {
        this.faults = faults;
        this.front = front;
        this.timer = timer;
        this.clock = clock;
    }

    /** Writes {@code answer} and closes the exchange. */
    void send(HttpExchange ex, Answer answer) throws IOException {
        byte[] bytes = answer.bytes(faults.unknownFields());
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", answer.contentType);
        answer.headers.forEach(h::set);
        if (answer.headOnly) {
            h.set("Content-Length", Integer.toString(bytes.length));
            ex.sendResponseHeaders(answer.status, -1);
        } else {
            ex.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    /** Writes {@code answer}, or closes the exchange when that fails (the client went away). */
    void trySend(HttpExchange ex, Answer answer) {
        try {
            send(ex, answer);
        } catch (IOException | RuntimeException e) {
            ex.close();
        }
    }

    /** Applies a fault; {@code answer} is the real answer when the request was processed, else {@code null}. */
    void hit(HttpExchange ex, Fault fault, Answer answer) throws IOException {
        switch (fault.kind()) {
            case STATUS -> send(ex, faultAnswer(fault));
            case RESET -> {
                front.reset(ex.getRemoteAddress());
                ex.close();
            }
            case DISCONNECT -> ex.close(); // verified: the JDK server closes the connection (FIN) before any byte
            case DELAY -> timer.schedule(() -> trySend(ex, answer), fault.delay().toNanos(), TimeUnit.NANOSECONDS);
            case TRUNCATED_BODY -> {
                byte[] bytes = answer.bytes(faults.unknownFields());
                ex.getResponseHeaders().set("Content-Type", answer.contentType);
                ex.sendResponseHeaders(answer.status, bytes.length);
                OutputStream out = ex.getResponseBody();
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                ex.close(); // fewer bytes than Content-Length, then the connection closes
            }
            case MALFORMED_JSON -> {
                byte[] bytes = answer.bytes(faults.unknownFields());
                byte[] cut = Arrays.copyOf(bytes, Math.max(1, bytes.length / 2));
                send(ex, new Answer(answer.status, "application/json", cut, false));
            }
            case UNKNOWN_STATUS -> {
                if (answer.json != null && answer.json.has("status")) {
                    answer.json.put("status", fault.rawStatus());
                }
                send(ex, answer);
            }
        }
    }

    private Answer faultAnswer(Fault fault) {
        int status = fault.status();
        Answer a;
        if (status == 502 || status == 504) {
            String title = status == 502 ? "502 Bad Gateway" : "504 Gateway Time-out";
            String html = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                    + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
            a = new Answer(status, "text/html", html.getBytes(StandardCharsets.UTF_8), false);
        } else {
            String type = switch (status) {
                case 400, 422 -> "invalid_request_error";
                case 401 -> "authentication_error";
                case 402 -> "insufficient_quota";
                case 404 -> "not_found";
                case 429 -> "rate_limit_error";
                case 503 -> "service_unavailable_error";
                default -> status >= 500 ? "server_error" : "invalid_request_error";
            };
            a = Answer.error(status, type, null, "fault injected by the test: HTTP " + status);
        }
        if (fault.retryAfter() != null) {
            long seconds = (fault.retryAfter().toMillis() + 999) / 1000;
            String value = fault.retryAfterAsDate()
                    ? DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.get().plus(fault.retryAfter()).atOffset(ZoneOffset.UTC))
                    : Long.toString(seconds);
            a.header("Retry-After", value);
        }
        return a;
    }
}
