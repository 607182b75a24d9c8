package dev.vidgen.jobs.tests;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three worker JVMs on one real PostgreSQL (started by the build), one journal; one worker is
 * SIGKILLed mid-way. Every job is submitted once and stored (or failed as scripted; a job the dead
 * worker was submitting at that instant is in doubt, never resubmitted); the executions the dead
 * worker held are taken over by the others within db-scheduler's bound (heartbeat 2 s x (5 missed
 * + 2) + polling 0.5 s = 14.5 s; waited for with twice that, the figure is printed). Short form
 * 60 jobs; {@code -Pjobs-full}: 300.
 */
class ClusterTest {

    private static final boolean FULL = Boolean.getBoolean("jobs.full");
    private static final Duration BOUND = Duration.ofMillis(14_500);

    @TempDir
    Path dir;

    @Test
    void aDeadWorkersJobsAreFinishedByTheOthersAndNothingIsSubmittedTwice() throws Exception {
        int jobs = FULL ? 300 : 60;
        Path err = dir.resolve("children.err");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             Child api = Child.start(FakeApiMain.class, err, "3000")) {
            String jdbc = pg.getJdbcUrl("postgres", "postgres");
            String url = api.await("url ", Duration.ofSeconds(60)).substring(4);
            Child[] workers = new Child[3];
            try {
                // the schema first (as an application's migration would), then three instances at once
                dev.vidgen.jobs.internal.Schema.ensure(pg.getPostgresDatabase(), dev.vidgen.jobs.internal.Dialect.POSTGRESQL,
                        dev.vidgen.jobs.internal.Tables.defaults(), true);
                for (int w = 0; w < 3; w++) {
                    workers[w] = Child.start(WorkerMain.class, err, url, jdbc, dir.resolve("out").toString(), String.valueOf(jobs), "worker-" + w);
                }
                for (Child w : workers) {
                    w.await("started", Duration.ofSeconds(120));
                }
                try (Connection c = pg.getPostgresDatabase().getConnection()) {
                    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                    while (count(c, "SELECT COUNT(*) FROM vidgen_jobs WHERE state = 'STORED'") < jobs / 6 && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    // slow answers to the polls: every worker then holds executions, so the kill leaves some to take over
                    api.ask("delay-queries 24 4000", "ok");
                    long holdDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    // kill it mid-poll (holding executions, none of them a submit: the crash test covers those)
                    while ((count(c, "SELECT COUNT(*) FROM vidgen_scheduled_tasks WHERE picked_by = 'worker-1'") == 0
                            || count(c, "SELECT COUNT(*) FROM vidgen_jobs WHERE state = 'SUBMITTING' AND owner = 'worker-1'") > 0)
                            && System.nanoTime() < holdDeadline) {
                        Thread.sleep(5);
                    }
                    Set<String> dead = keys(c, "SELECT task_instance FROM vidgen_scheduled_tasks WHERE picked_by = 'worker-1'");
                    workers[1].kill();
                    long killed = System.nanoTime();
                    dead.addAll(keys(c, "SELECT job_key FROM vidgen_jobs WHERE owner = 'worker-1' AND state IN ('SUBMITTING', 'RUNNING', 'COMPLETED')"));
                    int held = count(c, "SELECT COUNT(*) FROM vidgen_scheduled_tasks WHERE picked_by = 'worker-1'");
                    assertThat(held).as("the killed worker held executions").isPositive();
                    long waitLimit = killed + BOUND.multipliedBy(2).toNanos();
                    while (count(c, "SELECT COUNT(*) FROM vidgen_scheduled_tasks WHERE picked_by = 'worker-1'") > 0 && System.nanoTime() < waitLimit) {
                        Thread.sleep(50);
                    }
                    Duration takeOver = Duration.ofNanos(System.nanoTime() - killed);
                    assertThat(count(c, "SELECT COUNT(*) FROM vidgen_scheduled_tasks WHERE picked_by = 'worker-1'"))
                            .as("the dead worker's executions were revived within 2 x %s", BOUND).isZero();

                    assertThat(workers[0].waitFor(Duration.ofMinutes(8))).as("worker-0 settles every job; stderr %s", err).isZero();
                    assertThat(workers[2].waitFor(Duration.ofMinutes(8))).as("worker-2 settles every job").isZero();

                    Map<String, Integer> creations = new HashMap<>();
                    api.dump().forEach(p -> creations.merge(p, 1, Integer::sum));
                    Map<String, String> states = new HashMap<>();
                    try (PreparedStatement ps = c.prepareStatement("SELECT job_key, state, attempts FROM vidgen_jobs");
                         ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            states.put(rs.getString(1), rs.getString(2) + "/" + rs.getInt(3));
                        }
                    }
                    int stored = 0;
                    int failed = 0;
                    int inDoubt = 0;
                    int duplicated = 0;
                    Set<String> deadFinished = new HashSet<>();
                    for (int i = 0; i < jobs; i++) {
                        String key = "job-" + i;
                        String prompt = WorkerMain.prompt(i);
                        int made = creations.getOrDefault(prompt, 0);
                        duplicated += Math.max(0, made - 1);
                        String state = states.get(key);
                        assertThat(state).as(key).isNotNull();
                        if (state.startsWith("STORED")) {
                            stored++;
                            assertThat(made).as("%s submitted exactly once", key).isEqualTo(1);
                        } else if (state.startsWith("FAILED")) {
                            failed++;
                            assertThat(prompt).contains("scripted-fail");
                        } else {
                            inDoubt++;
                            assertThat(state).as("%s: only a job the dead worker held may be in doubt, never resubmitted", key).isEqualTo("IN_DOUBT/1");
                            assertThat(dead).contains(key);
                        }
                        if (dead.contains(key) && !state.startsWith("IN_DOUBT")) {
                            deadFinished.add(key);
                        }
                    }
                    String figures = String.format("cluster: workers=3 jobs=%d killed=worker-1 after >= %d stored; its jobs in flight=%d "
                                    + "(executions held=%d) finished by the others=%d; take-over of held executions=%.1fs (bound %.1fs); "
                                    + "stored=%d failed=%d in-doubt=%d duplicated=%d%n", jobs, jobs / 6, dead.size(), held,
                            deadFinished.size(), takeOver.toMillis() / 1000.0, BOUND.toMillis() / 1000.0, stored, failed, inDoubt, duplicated);
                    System.out.print(figures);
                    Files.writeString(Path.of("target", FULL ? "cluster-full.txt" : "cluster-short.txt"), figures);
                    assertThat(duplicated).isZero();
                    assertThat(stored + failed + inDoubt).isEqualTo(jobs);
                }
            } finally {
                for (Child w : workers) {
                    if (w != null) {
                        w.close();
                    }
                }
            }
        }
    }

    private static int count(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Set<String> keys(Connection c, String sql) throws Exception {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

}
