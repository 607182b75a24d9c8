package dev.vidgen.jobs;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.vidgen.client.VideoClient;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.fake.server.FakeVideoApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Guice module binds one {@link VideoJobs} on the injector's client. */
class VideoJobsModuleTest {

    @TempDir
    Path dir;

    @Test
    void theModuleBindsASingletonThatWorks() throws Exception {
        try (FakeVideoApi api = FakeVideoApi.builder().taskDuration(Duration.ofMillis(200)).start();
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).build()) {
            Injector injector = Guice.createInjector(new AbstractModule() {
                @Override
                protected void configure() {
                    bind(VideoClient.class).toInstance(client);
                }
            }, new VideoJobsModule(() -> Journal.embedded(dir.resolve("journal")), b -> b.resultStore(new DirectoryResultStore(dir))));
            VideoJobs jobs = injector.getInstance(VideoJobs.class);
            assertThat(injector.getInstance(VideoJobs.class)).isSameAs(jobs);
            try (jobs) {
                jobs.start().enqueue(JobKey.of("g"), KlingReferenceRequest.builder().prompt("a fox").build());
                assertThat(jobs.awaitSettled(List.of(JobKey.of("g")), Duration.ofSeconds(60))).isTrue();
                assertThat(jobs.job(JobKey.of("g")).orElseThrow().state()).isEqualTo(JobState.STORED);
            }
        }
    }
}
