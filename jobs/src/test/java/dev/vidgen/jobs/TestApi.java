package dev.vidgen.jobs;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.fake.server.FakeVideoApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the service tests stand on, for one test (in an instance {@code @RegisterExtension} field):
 * a fake API with short tasks, a client on it, and services that poll fast and are closed after the
 * test, the newest first.
 */
final class TestApi implements BeforeEachCallback, AfterEachCallback {

    private final Duration taskDuration;
    private final List<VideoJobs> open = new ArrayList<>();
    private FakeVideoApi api;
    private VideoClient client;

    /** Fake tasks take {@code taskDuration}. */
    TestApi(Duration taskDuration) {
        this.taskDuration = taskDuration;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        api = FakeVideoApi.builder().taskDuration(taskDuration).start();
        client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).build();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeServices();
        client.close();
        api.close();
    }

    FakeVideoApi api() {
        return api;
    }

    VideoClient client() {
        return client;
    }

    /** A builder on the client and {@code journal} that polls every 100 ms, tasks every 50 to 200 ms, and applies the schema. */
    VideoJobsBuilder builder(Journal journal) {
        return VideoJobs.builder().client(client).journal(journal)
                .polling(AwaitOptions.builder().minInterval(Duration.ofMillis(50)).maxInterval(Duration.ofMillis(200)).build())
                .pollingInterval(Duration.ofMillis(100)).applySchema(true);
    }

    /** Builds the service and closes it after the test (or at {@link #closeServices()}). */
    VideoJobs build(VideoJobsBuilder builder) {
        VideoJobs jobs = builder.build();
        open.add(jobs);
        return jobs;
    }

    /** Closes every service built so far, the newest first: what a stopped application leaves behind. */
    void closeServices() {
        Collections.reverse(open);
        open.forEach(VideoJobs::close);
        open.clear();
    }

    /** A valid request with {@code prompt}. */
    static KlingReferenceRequest request(String prompt) {
        return KlingReferenceRequest.builder().prompt(prompt).build();
    }
}
