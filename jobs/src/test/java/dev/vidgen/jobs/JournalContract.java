package dev.vidgen.jobs;

import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.Fault;
import dev.vidgen.fake.server.Route;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static dev.vidgen.jobs.TestApi.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every transition of a job, on one journal; subclasses give the database (embedded HSQLDB, PostgreSQL). */
abstract class JournalContract {

    @TempDir
    Path dir;

    @RegisterExtension
    final TestApi fixture = new TestApi(Duration.ofMillis(300));

    FakeVideoApi api;
    final List<JobEvent> events = new CopyOnWriteArrayList<>();
    private int services;

    /** A journal for this test (a fresh database, or the same one again when called twice in a test). */
    abstract Journal journal();

    @BeforeEach
    void scriptFailures() {
        api = fixture.api().lifecycleWhen(r -> r.prompt() != null && r.prompt().contains("fail"),
                Lifecycle.failedAtFirstPoll("generation_failed"));
    }

    VideoJobs jobs(UnaryOperator<VideoJobsBuilder> settings) {
        return fixture.build(settings.apply(fixture.builder(journal()).resultStore(new DirectoryResultStore(dir.resolve("out")))
                .listener(events::add).instanceName("test-" + services++)));
    }

    static List<JobKey> keys(int n) {
        return IntStream.range(0, n).mapToObj(i -> JobKey.of("job-" + i)).toList();
    }

    /** A started service that has run the one job {@code key} with {@code prompt} until it settled. */
    private VideoJobs settledAfterOne(JobKey key, String prompt) throws InterruptedException {
        VideoJobs jobs = jobs(b -> b).start();
        jobs.enqueue(key, request(prompt));
        settle(jobs, List.of(key));
        return jobs;
    }

    private void settle(VideoJobs jobs, List<JobKey> keys) throws InterruptedException {
        assertThat(jobs.awaitSettled(keys, Duration.ofSeconds(60))).as("settled within 60 s: %s", jobs.counts()).isTrue();
    }

    @Test
    void jobsAreSubmittedOnceAndTheirResultsStoredWithSizeAndHash() throws Exception {
        VideoJobs jobs = jobs(b -> b).start();
        List<JobKey> keys = keys(5);
        keys.forEach(k -> jobs.enqueue(k, request("a fox " + k)));
        settle(jobs, keys);

        assertThat(jobs.counts().get(JobState.STORED)).isEqualTo(5);
        assertThat(api.createdTaskIds()).hasSize(5);
        for (JobKey k : keys) {
            Job j = jobs.job(k).orElseThrow();
            assertThat(j.taskId()).isNotNull();
            assertThat(j.credits()).contains(5L);
            assertThat(j.results()).hasSize(1);
            StoredResult r = j.results().get(0);
            Path file = Path.of(r.location());
            assertThat(file).exists().hasFileName(k.value() + ".mp4");
            assertThat(Files.size(file)).isEqualTo(r.bytes()).isPositive();
            assertThat(DirectoryResultStore.sha256(file)).isEqualTo(r.sha256());
            assertThat(j.enqueuedAt()).isBeforeOrEqualTo(j.submittedAt());
            assertThat(j.completedAt()).isBeforeOrEqualTo(j.storedAt());
            assertThat(events.stream().filter(e -> e.job().key().equals(k)).map(JobEvent::to))
                    .containsExactly(JobState.QUEUED, JobState.SUBMITTING, JobState.RUNNING, JobState.COMPLETED, JobState.STORED);
        }
    }

    @Test
    void aKeyIsNeverSubmittedTwiceAndRefusesADifferentRequest() throws Exception {
        JobKey key = JobKey.of("order-42");
        VideoJobs jobs = settledAfterOne(key, "a fox");
        Job again = jobs.enqueue(key, request("a fox"));

        assertThat(again.state()).isEqualTo(JobState.STORED);
        assertThatThrownBy(() -> jobs.enqueue(key, request("a wolf")))
                .isInstanceOf(JobConflictException.class).hasMessageContaining("order-42").hasMessageContaining("different request");
        Thread.sleep(300); // time for a wrongly scheduled second submit to happen
        assertThat(api.submitCount()).isEqualTo(1);
    }

    @Test
    void anInvalidRequestPersistsNothing() {
        VideoJobs jobs = jobs(b -> b);
        JobKey key = JobKey.of("bad");
        assertThatThrownBy(() -> jobs.enqueue(key, KlingReferenceRequest.builder().prompt("x").duration(20).build()))
                .isInstanceOf(RequestValidationException.class).hasMessageContaining("kling.duration.range");
        assertThat(jobs.job(key)).isEmpty();
    }

    @Test
    void aFailedTaskIsFailedWithItsErrorCode() throws Exception {
        JobKey key = JobKey.of("will-fail");
        Job j = settledAfterOne(key, "this will fail").job(key).orElseThrow();
        assertThat(j.state()).isEqualTo(JobState.FAILED);
        assertThat(j.errorCode()).isEqualTo("generation_failed");
    }

    @Test
    void aRateLimitedSubmitGoesBackToTheQueueAndCreatesOneTask() throws Exception {
        api.faults().next(Route.SUBMIT, Fault.rateLimited(Duration.ofMillis(200)), 4); // beyond the client's own retries
        JobKey key = JobKey.of("limited");
        assertThat(settledAfterOne(key, "a fox").job(key).orElseThrow().state()).isEqualTo(JobState.STORED);
        assertThat(api.createdTaskIds()).hasSize(1);
    }

    @Test
    void aSubmitWhoseAnswerIsLostIsInDoubtAndOnlyResubmittedOnRequest() throws Exception {
        api.faults().next(Route.SUBMIT, Fault.reset());
        JobKey key = JobKey.of("doubt");
        VideoJobs jobs = settledAfterOne(key, "a fox");
        Job doubt = jobs.job(key).orElseThrow();
        assertThat(doubt.state()).isEqualTo(JobState.IN_DOUBT);
        assertThat(doubt.lastError()).contains("may have created a task");
        int submits = api.submitCount();
        Thread.sleep(300);
        assertThat(api.submitCount()).isEqualTo(submits);

        jobs.resubmit(key);
        settle(jobs, List.of(key));
        assertThat(jobs.job(key).orElseThrow().state()).isEqualTo(JobState.STORED);
        assertThat(jobs.job(key).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void aJobFoundSubmittingAtStartIsInDoubtAndReportedNeverSubmitted() throws Exception {
        VideoJobs first = jobs(b -> b);
        JobKey key = JobKey.of("crashed");
        Job queued = first.enqueue(key, request("a fox"));
        // what a crash between the commit of submitting and the answer leaves behind
        new dev.vidgen.jobs.internal.JobRepository(journalOf(first), dev.vidgen.jobs.internal.Tables.defaults()).transition(
                dev.vidgen.jobs.internal.JobChange.of(queued).state(JobState.SUBMITTING).attempted().at(queued.enqueuedAt()),
                JobState.QUEUED, null, "dead-instance");
        first.start();
        settle(first, List.of(key));

        assertThat(first.job(key).orElseThrow().state()).isEqualTo(JobState.IN_DOUBT);
        assertThat(first.job(key).orElseThrow().lastError()).contains("stopped before the answer was committed");
        assertThat(api.submitCount()).isZero();
        assertThat(events).anyMatch(e -> e.job().key().equals(key) && e.to() == JobState.IN_DOUBT);
    }

    @Test
    void aRestartResumesARunningJobByItsTaskId() throws Exception {
        api.lifecycleForNextSubmit(Lifecycle.builder().pending().processing(50).completedAfter(Duration.ofSeconds(2)));
        VideoJobs first = jobs(b -> b);
        first.start();
        JobKey key = JobKey.of("resume");
        first.enqueue(key, request("a fox"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (first.job(key).orElseThrow().state() != JobState.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(first.job(key).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        fixture.closeServices();

        VideoJobs second = jobs(b -> b.instanceName("second")).start();
        settle(second, List.of(key));
        assertThat(second.job(key).orElseThrow().state()).isEqualTo(JobState.STORED);
        assertThat(api.createdTaskIds()).hasSize(1);
    }

    @Test
    void aResultTheApiNoLongerServesIsExpiredWithAMessage() throws Exception {
        api.faults().next(Route.RESULT, Fault.status(410));
        JobKey key = JobKey.of("gone");
        Job j = settledAfterOne(key, "a fox").job(key).orElseThrow();
        assertThat(j.state()).isEqualTo(JobState.EXPIRED);
        assertThat(j.lastError()).contains("can no longer be fetched");
    }

    @Test
    void onlyQueuedJobsCanBeCancelled() throws Exception {
        VideoJobs jobs = jobs(b -> b);
        JobKey key = JobKey.of("cancel-me");
        jobs.enqueue(key, request("a fox"));
        assertThat(jobs.cancel(key).state()).isEqualTo(JobState.CANCELLED);
        jobs.start();
        JobKey other = JobKey.of("done");
        jobs.enqueue(other, request("a wolf"));
        settle(jobs, List.of(key, other));
        assertThat(api.submitCount()).isEqualTo(1);
        assertThatThrownBy(() -> jobs.cancel(other)).isInstanceOf(JobStateException.class).hasMessageContaining("only queued");
        assertThatThrownBy(() -> jobs.resubmit(other)).isInstanceOf(JobStateException.class);
    }

    @Test
    void theInFlightLimitHolds() throws Exception {
        AtomicLong maxSeen = new AtomicLong();
        List<JobKey> keys = keys(6);
        VideoJobs[] holder = new VideoJobs[1];
        VideoJobs jobs = jobs(b -> b.maxInFlight(2).workers(4).listener(e -> {
            if (e.to() == JobState.SUBMITTING) {
                var c = holder[0].counts();
                maxSeen.accumulateAndGet(c.get(JobState.SUBMITTING) + c.get(JobState.RUNNING), Math::max);
            }
        }));
        holder[0] = jobs;
        keys.forEach(k -> jobs.enqueue(k, request("a fox " + k)));
        jobs.start();
        settle(jobs, keys);
        assertThat(jobs.counts().get(JobState.STORED)).isEqualTo(6);
        assertThat(maxSeen.get()).isBetween(1L, 2L);
    }

    @Test
    void theCreditBudgetStopsNewSubmits() throws Exception {
        VideoJobs jobs = jobs(b -> b.creditBudget(10).maxInFlight(1)); // the fake reserves 5 credits a task
        List<JobKey> keys = keys(4);
        keys.forEach(k -> jobs.enqueue(k, request("a fox " + k)));
        jobs.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jobs.counts().get(JobState.STORED) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        assertThat(jobs.counts().get(JobState.STORED)).isEqualTo(2);
        assertThat(jobs.counts().get(JobState.QUEUED)).isEqualTo(2);
        assertThat(jobs.budgetSpent()).isTrue();
        assertThat(api.createdTaskIds()).hasSize(2);
    }

    @Test
    void oldFinishedJobsArePurgedButNotInDoubtOnes() throws Exception {
        VideoJobs jobs = jobs(b -> b);
        jobs.enqueue(JobKey.of("a"), request("a fox"));
        jobs.cancel(JobKey.of("a"));
        assertThat(jobs.purge(Duration.ofHours(1))).isZero();
        assertThat(jobs.purge(Duration.ofMillis(-1000))).isEqualTo(1);
        assertThat(jobs.job(JobKey.of("a"))).isEmpty();
    }

    static javax.sql.DataSource journalOf(VideoJobs jobs) {
        return jobs.journal().dataSource();
    }
}
