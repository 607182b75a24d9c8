package dev.vidgen.jobs.tests;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.jobs.DirectoryResultStore;
import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobKey;
import dev.vidgen.jobs.JobState;
import dev.vidgen.jobs.Journal;
import dev.vidgen.jobs.VideoJobs;
import dev.vidgen.jobs.internal.Dialect;
import dev.vidgen.jobs.internal.Gate;
import dev.vidgen.jobs.internal.JobChange;
import dev.vidgen.jobs.internal.JobRepository;
import dev.vidgen.jobs.internal.Schema;
import dev.vidgen.jobs.internal.Tables;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal's cost, measured (not a unit test: it runs only with {@code -Djobs.bench=true}, and
 * asserts counts, never times). Prints {@code name=value} lines for BENCHMARKS.md:
 * ms of database time per transition on the embedded journal and on PostgreSQL (one thread: the
 * time of the committed statements, nothing else), transitions per second with 4 threads, and
 * task queries per job through {@link VideoJobs} against the client's plain {@code submitAndAwait}.
 */
@EnabledIfSystemProperty(named = "jobs.bench", matches = "true")
class JournalBenchmark {

    private static final int JOBS = Integer.getInteger("jobs.bench.jobs", 2000);

    @TempDir
    Path dir;

    @Test
    void journalCostPerTransition() throws Exception {
        try (Journal embedded = Journal.embedded(dir.resolve("journal"))) {
            Schema.ensure(embedded.dataSource(), Dialect.HSQLDB, Tables.defaults(), true);
            measure("hsqldb", embedded.dataSource());
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Schema.ensure(pg.getPostgresDatabase(), Dialect.POSTGRESQL, Tables.defaults(), true);
            measure("postgresql", pg.getPostgresDatabase());
        }
    }

    private static void measure(String db, DataSource ds) throws Exception {
        JobRepository repo = new JobRepository(ds, Tables.defaults());
        Gate gate = new Gate(ds, Tables.defaults(), Integer.MAX_VALUE, null, Duration.ZERO);
        // warm-up round, then the measured one
        for (String round : List.of("warmup", "measured")) {
            String prefix = round + "-" + db + "-";
            List<Job> queued = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < JOBS; i++) {
                Instant now = Instant.now();
                Job j = new Job(JobKey.of(prefix + i), JobState.QUEUED, "kling-o3-ref", null, null, 0, 0, null, null, null,
                        now, null, null, null, now, List.of(), List.of(), "0".repeat(64));
                assertThat(repo.insert(j, "{\"model\":\"kling-o3-ref\",\"prompt\":\"bench " + i + "\"}")).isTrue();
                queued.add(j);
            }
            long t1 = System.nanoTime();
            List<Job> running = new ArrayList<>();
            for (Job j : queued) {
                Job submitting = JobChange.of(j).state(JobState.SUBMITTING).attempted().submittedAt(Instant.now()).at(Instant.now());
                assertThat(gate.claim(submitting, "bench")).isEmpty();
                running.add(JobChange.of(submitting).state(JobState.RUNNING).taskId(new TaskId("task-unified-1-" + Integer.toString(j.hashCode() & 0xffff, 36))).at(Instant.now()));
            }
            long t2 = System.nanoTime();
            for (Job j : running) {
                assertThat(repo.transition(j, JobState.SUBMITTING, Instant.now(), "bench")).isTrue();
            }
            long t3 = System.nanoTime();
            for (Job j : running) {
                assertThat(repo.transition(JobChange.of(j).polled().progress(50).at(Instant.now()), JobState.RUNNING, Instant.now(), "bench")).isTrue();
            }
            long t4 = System.nanoTime();
            List<Job> completed = new ArrayList<>();
            for (Job j : running) {
                Job c = JobChange.of(j).state(JobState.COMPLETED).completedAt(Instant.now())
                        .resultUrls(List.of(URI.create("https://example.com/v.mp4"))).at(Instant.now());
                assertThat(repo.transition(c, JobState.RUNNING, null, "bench")).isTrue();
                completed.add(c);
            }
            long t5 = System.nanoTime();
            for (Job c : completed) {
                assertThat(repo.transition(JobChange.of(c).state(JobState.STORED).storedAt(Instant.now()).at(Instant.now()),
                        JobState.COMPLETED, null, "bench")).isTrue();
            }
            long t6 = System.nanoTime();
            if (round.equals("measured")) {
                print(db, "enqueue_insert", t1 - t0);
                print(db, "queued_to_submitting_gate", t2 - t1);
                print(db, "submitting_to_running", t3 - t2);
                print(db, "running_poll_update", t4 - t3);
                print(db, "running_to_completed", t5 - t4);
                print(db, "completed_to_stored", t6 - t5);
                double perJob = (t6 - t0) / 1e6 / JOBS;
                System.out.printf("%s_ms_per_job_6_transitions=%.3f%n", db, perJob);
                System.out.printf("%s_transitions_per_s_1_thread=%.0f%n", db, 6.0 * JOBS / ((t6 - t0) / 1e9));
                System.out.printf("%s_transitions_per_s_4_threads=%.0f%n", db, parallel(repo, db));
            }
        }
    }

    private static void print(String db, String name, long nanos) {
        System.out.printf("%s_%s_ms=%.3f%n", db, name, nanos / 1e6 / JOBS);
    }

    /** Poll updates of distinct rows from 4 threads: transitions per second. */
    private static double parallel(JobRepository repo, String db) throws Exception {
        List<Job> rows = repo.list(JobState.STORED).stream().filter(j -> j.key().value().startsWith("measured-" + db)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            long t0 = System.nanoTime();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int slice = t;
                all.add(CompletableFuture.runAsync(() -> {
                    for (int i = slice; i < rows.size(); i += 4) {
                        Job j = rows.get(i);
                        repo.transition(JobChange.of(j).polled().at(Instant.now()), JobState.STORED, null, "bench");
                    }
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            return rows.size() / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void pollsPerJobAgainstPlainAwait() throws Exception {
        int tasks = 12;
        Lifecycle lifecycle = Lifecycle.builder().pending().processing(30).processing(70).completedAfter(Duration.ofSeconds(8));
        AwaitOptions polling = AwaitOptions.defaults();
        try (FakeVideoApi api = FakeVideoApi.builder().defaultLifecycle(lifecycle).start();
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).build()) {
            List<CompletableFuture<VideoTask>> plain = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                plain.add(client.submitAndAwaitAsync(KlingReferenceRequest.builder().prompt("plain " + i).build(), polling));
            }
            List<TaskId> plainIds = plain.stream().map(CompletableFuture::join).map(VideoTask::id).toList();
            double plainPolls = plainIds.stream().mapToInt(api::queryCount).average().orElseThrow();

            List<JobKey> keys = new ArrayList<>();
            try (VideoJobs jobs = VideoJobs.builder().client(client).journal(Journal.embedded(dir.resolve("polls")))
                    .resultStore(new DirectoryResultStore(dir.resolve("out"))).maxInFlight(tasks).workers(4).polling(polling).build()) {
                for (int i = 0; i < tasks; i++) {
                    keys.add(JobKey.of("durable-" + i));
                    jobs.enqueue(keys.get(i), KlingReferenceRequest.builder().prompt("durable " + i).build());
                }
                jobs.start();
                assertThat(jobs.awaitSettled(keys, Duration.ofMinutes(3))).isTrue();
                double durablePolls = keys.stream().map(k -> jobs.job(k).orElseThrow()).peek(j -> assertThat(j.state()).isEqualTo(JobState.STORED))
                        .mapToInt(j -> api.queryCount(j.taskId())).average().orElseThrow();
                System.out.printf("polls_per_task_plain_await=%.2f%npolls_per_job_video_jobs=%.2f%n", plainPolls, durablePolls);
            }
        }
    }
}
