package dev.vidgen.testkit.assertj;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.fake.port.FakeTaskPort;
import java.util.List;

/** Assertions on what a {@link FakeTaskPort} received; start with {@link VidgenAssertions#assertThat(FakeTaskPort)}. */
public final class FakeTaskPortAssert extends FakeTasksAssert<FakeTaskPortAssert, FakeTaskPort> {

    FakeTaskPortAssert(FakeTaskPort actual) {
        super(actual, FakeTaskPortAssert.class, "the fake port");
    }

    /** Exactly {@code n} submit calls arrived (rejected and failed ones included). */
    public FakeTaskPortAssert receivedSubmits(int n) {
        isNotNull();
        if (actual.submitCount() != n) {
            failWithMessage("Expected %s submit(s) but the fake port received %s", n, actual.submitCount());
        }
        return this;
    }

    /** Exactly {@code n} fetch calls arrived, any id. */
    public FakeTaskPortAssert receivedFetches(int n) {
        isNotNull();
        if (actual.fetchCount() != n) {
            failWithMessage("Expected %s fetch(es) but the fake port received %s", n, actual.fetchCount());
        }
        return this;
    }

    /** Exactly {@code n} fetches reached task {@code id}. */
    public FakeTaskPortAssert receivedFetches(TaskId id, int n) {
        isNotNull();
        if (actual.fetchCount(id) != n) {
            failWithMessage("Expected %s fetch(es) of task %s but it was fetched %s time(s)", n, id, actual.fetchCount(id));
        }
        return this;
    }

    /** Assertions on the {@code index}-th accepted request (0 for the first). */
    public VideoRequestAssert submittedRequest(int index) {
        isNotNull();
        List<VideoRequest> requests = actual.submittedRequests();
        if (index < 0 || index >= requests.size()) {
            failWithMessage("Expected an accepted request number %s but the fake port accepted %s", index, requests.size());
        }
        return new VideoRequestAssert(requests.get(index));
    }
}
