package dev.vidgen.testkit.assertj;

import dev.vidgen.domain.task.TaskId;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.RecordedRequest;
import dev.vidgen.fake.server.Route;
import java.util.List;

/** Assertions on what a {@link FakeVideoApi} received; start with {@link VidgenAssertions#assertThat(FakeVideoApi)}. */
public final class FakeVideoApiAssert extends FakeTasksAssert<FakeVideoApiAssert, FakeVideoApi> {

    FakeVideoApiAssert(FakeVideoApi actual) {
        super(actual, FakeVideoApiAssert.class, "the fake");
    }

    /** Exactly {@code n} {@code POST /v1/videos/generations} arrived (faulted and rejected ones included). */
    public FakeVideoApiAssert receivedSubmits(int n) {
        return received(Route.SUBMIT, "POST", n);
    }

    /** Exactly {@code n} {@code GET /v1/tasks/{id}} arrived, any id. */
    public FakeVideoApiAssert receivedQueries(int n) {
        return received(Route.QUERY, "GET", n);
    }

    /** Exactly {@code n} queries of task {@code id} were answered. */
    public FakeVideoApiAssert receivedQueries(TaskId id, int n) {
        isNotNull();
        int count = actual.queryCount(id);
        if (count != n) {
            failWithMessage("Expected %s queries of task %s but the fake answered %s", n, id, count);
        }
        return this;
    }

    /** Exactly {@code n} {@code method} requests of {@code route} arrived. */
    public FakeVideoApiAssert received(Route route, String method, int n) {
        isNotNull();
        int count = actual.count(route, method);
        if (count != n) {
            failWithMessage("Expected %s %s request(s) of %s but the fake received %s; all requests: %s",
                    n, method, route, count, summary());
        }
        return this;
    }

    /** Every request carried an accepted API key. */
    public FakeVideoApiAssert receivedOnlyAuthorizedRequests() {
        isNotNull();
        List<RecordedRequest> bad = actual.requests().stream().filter(r -> r.route() != Route.RESULT && !r.authorized()).toList();
        if (!bad.isEmpty()) {
            failWithMessage("Expected every API request to carry an accepted key but these did not: %s", bad);
        }
        return this;
    }

    /** Every scripted fault was used. */
    public FakeVideoApiAssert usedAllScriptedFaults() {
        isNotNull();
        if (!actual.faults().pending().isEmpty()) {
            failWithMessage("Expected every scripted fault to be used but these are left: %s", actual.faults().pending());
        }
        return this;
    }

    private String summary() {
        List<RecordedRequest> all = actual.requests();
        return all.size() > 20 ? actual.counters().toString() : all.toString();
    }
}
