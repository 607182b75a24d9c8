package dev.vidgen.fake.server;

import dev.vidgen.loopback.ConnectionFaults;
import dev.vidgen.loopback.HttpResponseWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes answers on the wire, and spoils them as a {@link Fault} says: error statuses (with the
 * gateway's HTML page for 502/504), delays, TCP resets, disconnects, truncated or malformed bodies.
 */
final class WireWriter {

    /** The {@code Date} header's form, on the real clock (as any server's). */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final FaultPlan faults;
    private final Supplier<Instant> clock;

    WireWriter(FaultPlan faults, Supplier<Instant> clock) {
        this.faults = faults;
        this.clock = clock;
    }

    /** Writes {@code answer}; the answer to a HEAD request announces its length without a body. */
    void send(Exchange ex, Answer answer) throws IOException {
        byte[] bytes = answer.bytes(faults.unknownFields());
        Map<String, String> headers = head(answer);
        answer.headers.forEach(headers::put);
        // any HEAD answer, errors too: a body there would be read as the start of the next answer
        if (answer.headOnly || ex.method.equalsIgnoreCase("HEAD")) {
            HttpResponseWriter.writeHead(ex.out, answer.status, headers, bytes.length, ex.keepAlive());
            ex.out.flush();
        } else {
            HttpResponseWriter.write(ex.out, answer.status, headers, bytes, ex.keepAlive());
        }
    }

    /** Writes {@code answer}, or ends the connection when that fails (the client went away). */
    void trySend(Exchange ex, Answer answer) {
        try {
            send(ex, answer);
        } catch (IOException | RuntimeException e) {
            ex.endConnection();
        }
    }

    /** Applies a fault; {@code answer} is the real answer when the request was processed, else {@code null}. */
    void hit(Exchange ex, Fault fault, Answer answer) throws IOException {
        switch (fault.kind()) {
            case STATUS -> send(ex, faultAnswer(fault));
            case RESET -> {
                ex.endConnection();
                ConnectionFaults.reset(ex.socket);
            }
            case DISCONNECT -> {
                ex.endConnection();
                ConnectionFaults.closeQuietly(ex.socket); // FIN before any byte: the request was read whole, so no RST
            }
            case DELAY -> {
                // this connection's own thread waits; the server's close interrupts it
                ConnectionFaults.sleep((fault.delay().toNanos() + 999_999) / 1_000_000);
                send(ex, answer);
            }
            case TRUNCATED_BODY -> {
                byte[] bytes = answer.bytes(faults.unknownFields());
                HttpResponseWriter.writeHead(ex.out, answer.status, head(answer), bytes.length, ex.keepAlive());
                ex.out.write(bytes, 0, bytes.length / 2);
                ex.out.flush();
                ex.endConnection(); // fewer bytes than Content-Length, then the connection closes
                ConnectionFaults.closeQuietly(ex.socket);
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

    /** The headers every answer starts with. */
    private static Map<String, String> head(Answer answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Date", HTTP_DATE.format(Instant.now()));
        headers.put("Content-Type", answer.contentType);
        return headers;
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
