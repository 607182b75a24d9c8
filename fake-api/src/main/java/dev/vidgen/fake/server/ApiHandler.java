package dev.vidgen.fake.server;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The front door of the fake API: takes a request, records it, matches its route and method,
 * checks the key, lets the {@link FaultPlan} decide whether it is spoilt before or after it takes
 * effect, and hands the answer to the {@link WireWriter}. At most as many requests as {@code turns}
 * has permits are worked on at once (the builder's {@code threads}); a delay fault's wait takes no turn.
 */
final class ApiHandler {

    /** A processed request whose answer a delay fault holds back. */
    private record Delayed(Fault fault, Answer answer) {
    }

    private final TaskRoutes routes;
    private final FaultPlan faults;
    private final RequestLog log;
    private final WireWriter writer;
    private final Supplier<Instant> clock;
    private final List<String> apiKeys;
    private final boolean acceptAnyKey;
    private final Semaphore turns;

    ApiHandler(TaskRoutes routes, FaultPlan faults, RequestLog log, WireWriter writer, Supplier<Instant> clock,
               List<String> apiKeys, boolean acceptAnyKey, Semaphore turns) {
        this.routes = routes;
        this.faults = faults;
        this.log = log;
        this.writer = writer;
        this.clock = clock;
        this.apiKeys = List.copyOf(apiKeys);
        this.acceptAnyKey = acceptAnyKey;
        this.turns = turns;
    }

    /** Answers one request; a failure or a fault that breaks the connection ends {@code ex}'s connection. */
    void handle(Exchange ex) {
        try {
            Delayed delayed = inTurn(ex);
            if (delayed != null) {
                writer.hit(ex, delayed.fault(), delayed.answer());
            }
        } catch (IOException e) {
            ex.endConnection(); // the client went away, or the server is closing
        } catch (RuntimeException e) {
            // a bug in the fake itself: answer 500 so the test sees it, not a hang
            writer.trySend(ex, Answer.error(500, "server_error", null, "fake API failure: " + e));
            ex.endConnection();
        }
    }

    private Delayed inTurn(Exchange ex) throws IOException {
        try {
            turns.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("server closing");
        }
        try {
            return process(ex);
        } finally {
            turns.release();
        }
    }

    /** Answers {@code ex}, unless a delay fault holds the answer back: then returns it. */
    private Delayed process(Exchange ex) throws IOException {
        String method = ex.method.toUpperCase(Locale.ROOT);
        Route route = Route.of(ex.path);
        boolean authorized = authorized(ex);
        Fault fault = faults.take(route);
        log.record(clock.get(), ex, method, route, authorized, fault);

        if (fault != null && !fault.isAfterProcessing()) {
            writer.hit(ex, fault, null);
            return null;
        }
        Answer answer = answer(route, method, ex, authorized, fault);
        if (fault == null) {
            writer.send(ex, answer);
        } else if (fault.kind() == Fault.Kind.DELAY) {
            return new Delayed(fault, answer);
        } else {
            writer.hit(ex, fault, answer);
        }
        return null;
    }

    private Answer answer(Route route, String method, Exchange ex, boolean authorized, Fault fault) {
        String path = ex.path;
        return switch (route) {
            case SUBMIT -> !method.equals("POST") ? Answer.methodNotAllowed(method, "POST")
                    : !authorized ? unauthorized() : routes.submit(ex.header("Content-Type"), ex.body);
            case QUERY -> !method.equals("GET") ? Answer.methodNotAllowed(method, "GET")
                    : !authorized ? unauthorized() : routes.query(ex.base(), path, fault);
            // result files need no key, as with a CDN
            case RESULT -> !method.equals("GET") && !method.equals("HEAD") ? Answer.methodNotAllowed(method, "GET, HEAD")
                    : routes.result(method, path);
            case OTHER -> Answer.error(404, "not_found", null, "no such route: " + method + " " + path);
        };
    }

    private static Answer unauthorized() {
        return Answer.error(401, "authentication_error", null, "Invalid API key: provide a valid key as 'Authorization: Bearer sk-...'");
    }

    private boolean authorized(Exchange ex) {
        String value = ex.header("Authorization");
        if (value == null || value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String key = value.substring(7).trim();
        return !key.isEmpty() && (acceptAnyKey || apiKeys.contains(key));
    }
}
