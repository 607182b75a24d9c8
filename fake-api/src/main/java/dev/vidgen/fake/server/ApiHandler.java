package dev.vidgen.fake.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.time.Instant;

/**
 * The front door of the fake API: reads a request, records it, matches its route and method,
 * checks the key, lets the {@link FaultPlan} decide whether it is spoilt before or after it takes
 * effect, and hands the answer to the {@link WireWriter}.
 */
final class ApiHandler implements HttpHandler {

    private final TaskRoutes routes;
    private final FaultPlan faults;
    private final RequestLog log;
    private final WireWriter writer;
    private final Supplier<Instant> clock;
    private final List<String> apiKeys;
    private final boolean acceptAnyKey;

    ApiHandler(TaskRoutes routes, FaultPlan faults, RequestLog log, WireWriter writer, Supplier<Instant> clock,
               List<String> apiKeys, boolean acceptAnyKey) {
        this.routes = routes;
        this.faults = faults;
        this.log = log;
        this.writer = writer;
        this.clock = clock;
        this.apiKeys = List.copyOf(apiKeys);
        this.acceptAnyKey = acceptAnyKey;
    }

    @Override
    public void handle(HttpExchange ex) {
        try {
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = ex.getRequestURI().getPath();
            Route route = Route.of(path);
            byte[] body = ex.getRequestBody().readAllBytes();
            boolean authorized = authorized(ex.getRequestHeaders());
            Fault fault = faults.take(route);
            log.record(clock.get(), ex, method, route, body, authorized, fault);

            if (fault != null && !fault.isAfterProcessing()) {
                writer.hit(ex, fault, null);
                return;
            }
            Answer answer = answer(route, method, path, ex.getRequestHeaders(), body, authorized, fault);
            if (fault != null) {
                writer.hit(ex, fault, answer);
            } else {
                writer.send(ex, answer);
            }
        } catch (IOException e) {
            ex.close(); // the client went away
        } catch (RuntimeException e) {
            // a bug in the fake itself: answer 500 so the test sees it, not a hang
            writer.trySend(ex, Answer.error(500, "server_error", null, "fake API failure: " + e));
        }
    }

    private Answer answer(Route route, String method, String path, Headers headers, byte[] body, boolean authorized, Fault fault) {
        return switch (route) {
            case SUBMIT -> !method.equals("POST") ? Answer.methodNotAllowed(method, "POST")
                    : !authorized ? unauthorized() : routes.submit(headers, body);
            case QUERY -> !method.equals("GET") ? Answer.methodNotAllowed(method, "GET")
                    : !authorized ? unauthorized() : routes.query(path, fault);
            // result files need no key, as with a CDN
            case RESULT -> !method.equals("GET") && !method.equals("HEAD") ? Answer.methodNotAllowed(method, "GET, HEAD")
                    : routes.result(method, path);
            case OTHER -> Answer.error(404, "not_found", null, "no such route: " + method + " " + path);
        };
    }

    private static Answer unauthorized() {
        return Answer.error(401, "authentication_error", null, "Invalid API key: provide a valid key as 'Authorization: Bearer sk-...'");
    }

    private boolean authorized(Headers headers) {
        String value = headers.getFirst("Authorization");
        if (value == null || value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String key = value.substring(7).trim();
        return !key.isEmpty() && (acceptAnyKey || apiKeys.contains(key));
    }
}
