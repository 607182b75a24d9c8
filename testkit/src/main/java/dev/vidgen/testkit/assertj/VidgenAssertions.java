package dev.vidgen.testkit.assertj;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.fake.port.FakeTaskPort;
import dev.vidgen.fake.server.FakeVideoApi;
import org.assertj.core.api.Assertions;

/**
 * AssertJ entry points for vidgen: tasks, requests and the fakes. It extends AssertJ's
 * {@link Assertions}, so one static import gives both:
 * <pre>{@code
 * import static dev.vidgen.testkit.assertj.VidgenAssertions.assertThat;
 *
 * assertThat(task).isCompleted().hasResultUrl();
 * assertThat(fakeApi).receivedSubmits(1);
 * assertThat(request).hasViolation("kling.duration.range", "duration");
 * assertThat(List.of(1, 2)).hasSize(2); // plain AssertJ still works
 * }</pre>
 */
public class VidgenAssertions extends Assertions {

    /** Not instantiated: static entry points only (protected so that users can extend it, as AssertJ's own). */
    protected VidgenAssertions() {
    }

    /** Assertions on a task snapshot. */
    public static VideoTaskAssert assertThat(VideoTask actual) {
        return new VideoTaskAssert(actual);
    }

    /** Assertions on a request against the domain's rules. */
    public static VideoRequestAssert assertThat(VideoRequest actual) {
        return new VideoRequestAssert(actual);
    }

    /** Assertions on what the embedded fake API received. */
    public static FakeVideoApiAssert assertThat(FakeVideoApi actual) {
        return new FakeVideoApiAssert(actual);
    }

    /** Assertions on what the fake port received. */
    public static FakeTaskPortAssert assertThat(FakeTaskPort actual) {
        return new FakeTaskPortAssert(actual);
    }
}
