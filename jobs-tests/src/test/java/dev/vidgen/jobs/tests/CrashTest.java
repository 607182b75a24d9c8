package dev.vidgen.jobs.tests;

import dev.vidgen.jobs.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker JVM runs a batch against the fake API (a process of its own, which outlives it) and is
 * killed with SIGKILL again and again, a third of the kills deterministically inside the window
 * between the POST and the commit of the task id (the fake answers that submit late); after each
 * kill it restarts and resumes. At the end: every job stored, failed as scripted, or in doubt;
 * lost 0, duplicated 0 (creations per prompt counted on the fake); in doubt only from kills, never
 * resubmitted. Short form by default (40 jobs, 4 kills); {@code -Pjobs-full}: 200 jobs, 12 kills.
 */
class CrashTest {

    private static final boolean FULL = Boolean.getBoolean("jobs.full");

    @TempDir
    Path dir;

    @Test
    void killedAgainAndAgainNothingIsLostOrDuplicated() throws Exception {
        int jobs = FULL ? 200 : 40;
        int kills = FULL ? 12 : 4;
        Path err = dir.resolve("children.err");
        Random random = new Random(FULL ? 200 : 40);
        Set<String> windowPrompts = new HashSet<>();
        int windowKills = 0;
        int restarts = 0;
        long started = System.nanoTime();
        try (Child api = Child.start(FakeApiMain.class, err, "800")) {
            String url = api.await("url ", Duration.ofSeconds(60)).substring(4);
            String[] args = {url, dir.resolve("journal").toString(), dir.resolve("out").toString(), String.valueOf(jobs), "crash-worker"};
            for (int k = 0; k < kills; k++) {
                try (Child worker = Child.start(WorkerMain.class, err, args)) {
                    restarts++;
                    worker.await("started", Duration.ofSeconds(90));
                    if (k % 3 == 0) { // inside the POST -> commit window, deterministically
                        api.ask("delay-next-submit 5000", "ok");
                        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                        String held = api.ask("held", "held ");
                        while (Integer.parseInt(held.split(" ")[1]) == windowKills && System.nanoTime() < deadline) {
                            Thread.sleep(20);
                            held = api.ask("held", "held ");
                        }
                        assertThat(Integer.parseInt(held.split(" ")[1])).as("a submit had its answer held back").isEqualTo(windowKills + 1);
                        // the fake has created that task; its answer is 5 s away: kill the worker now
                        worker.kill();
                        windowPrompts.add(held.substring(held.indexOf(' ', 5) + 1));
                        windowKills++;
                    } else {
                        Thread.sleep(300 + random.nextInt(2500));
                        if (!worker.isAlive()) {
                            break; // finished before this kill
                        }
                        worker.kill();
                    }
                }
            }
            try (Child last = Child.start(WorkerMain.class, err, args)) {
                restarts++;
                assertThat(last.waitFor(Duration.ofMinutes(8))).as("the last run settles every job; stderr: %s", err).isZero();
            }
            List<String> created = api.dump();
            Map<String, Integer> creations = new HashMap<>();
            created.forEach(p -> creations.merge(p, 1, Integer::sum));
            Map<String, String[]> journal = journal(dir.resolve("journal"));

            int stored = 0;
            int failed = 0;
            int inDoubt = 0;
            int lost = 0;
            int duplicated = 0;
            for (int i = 0; i < jobs; i++) {
                String prompt = WorkerMain.prompt(i);
                String[] row = journal.get("job-" + i);
                int made = creations.getOrDefault(prompt, 0);
                duplicated += Math.max(0, made - 1);
                assertThat(row).as("job-%d is in the journal", i).isNotNull();
                switch (row[0]) {
                    case "STORED" -> {
                        stored++;
                        assertThat(made).as("stored job-%d was created once", i).isEqualTo(1);
                        assertThat(prompt).doesNotContain("scripted-fail");
                        assertThat(Files.size(dir.resolve("out/job-" + i + ".mp4"))).isPositive();
                    }
                    case "FAILED" -> {
                        failed++;
                        assertThat(prompt).as("only scripted failures fail").contains("scripted-fail");
                        assertThat(row[2]).isEqualTo("generation_failed");
                    }
                    case "IN_DOUBT" -> {
                        inDoubt++;
                        assertThat(row[1]).as("in-doubt job-%d was never resubmitted", i).isEqualTo("1");
                        assertThat(made).isLessThanOrEqualTo(1);
                    }
                    default -> lost++;
                }
            }
            for (String p : windowPrompts) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("crash job (\\d+)").matcher(p);
                assertThat(m.find()).as("the fake names the job whose answer it held back: %s", p).isTrue();
                int i = Integer.parseInt(m.group(1));
                assertThat(journal.get("job-" + i)[0]).as("the job killed inside its window (%s) is in doubt", p).isEqualTo("IN_DOUBT");
            }
            String figures = String.format("crash: jobs=%d kills=%d (inside the POST->commit window: %d) runs=%d stored=%d failed=%d "
                            + "in-doubt=%d lost=%d duplicated=%d tasks-created=%d wall=%ds%n", jobs, restarts - 1, windowKills, restarts,
                    stored, failed, inDoubt, lost, duplicated, created.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
            System.out.print(figures);
            Files.writeString(Path.of("target", FULL ? "crash-full.txt" : "crash-short.txt"), figures);
            assertThat(lost).isZero();
            assertThat(duplicated).isZero();
            assertThat(inDoubt).as("in doubt only from kills (each kill leaves at most the jobs then submitting)")
                    .isBetween(windowKills, (restarts - 1) * 6);
            assertThat(stored + failed + inDoubt).isEqualTo(jobs);
        }
    }

    /** key -> {state, attempts, error code}, read from the journal the workers left (they have all exited). */
    static Map<String, String[]> journal(Path journalDir) throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        try (Journal journal = Journal.embedded(journalDir);
             Connection c = journal.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT job_key, state, attempts, error_code FROM vidgen_jobs")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new String[]{rs.getString(2), String.valueOf(rs.getInt(3)), rs.getString(4)});
            }
        }
        return rows;
    }
}
