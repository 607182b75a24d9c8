package dev.vidgen.jobs.tests;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.jobs.DirectoryResultStore;
import dev.vidgen.jobs.JobKey;
import dev.vidgen.jobs.Journal;
import dev.vidgen.jobs.VideoJobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker JVM: enqueues jobs {@code job-0..n-1} (idempotent: a restart finds them), works until
 * all are settled, exits 0. Args: base URL, journal (a directory for the embedded one, or a JDBC
 * URL), output directory, job count, instance name.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    /** The prompt of job {@code i}: every 13th is scripted to fail on the fake. */
    static String prompt(int i) {
        return "crash job " + i + (i % 13 == 5 ? " scripted-fail" : "");
    }

    /** Runs the worker. */
    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String journalArg = args[1];
        Path out = Path.of(args[2]);
        int n = Integer.parseInt(args[3]);
        String name = args[4];
        Journal journal = journalArg.startsWith("jdbc:") ? Journal.url(journalArg, null, null) : Journal.embedded(Path.of(journalArg));
        try (VideoClient client = VideoClient.builder().baseUrl(baseUrl).apiKey("sk-crash-test").build();
             VideoJobs jobs = VideoJobs.builder().client(client).journal(journal).resultStore(new DirectoryResultStore(out))
                     .workers(4).maxInFlight(journalArg.startsWith("jdbc:") ? 12 : 6).submitSpacing(Duration.ofMillis(10))
                     .instanceName(name).applySchema(true).pollingInterval(Duration.ofMillis(100))
                     .polling(AwaitOptions.builder().minInterval(Duration.ofMillis(100)).maxInterval(Duration.ofMillis(500)).build())
                     .build()) {
            List<JobKey> keys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                JobKey key = JobKey.of("job-" + i);
                keys.add(key);
                jobs.enqueue(key, KlingReferenceRequest.builder().prompt(prompt(i)).build());
            }
            jobs.start();
            System.out.println("started " + name);
            System.out.flush();
            boolean settled = jobs.awaitSettled(keys, Duration.ofMinutes(10));
            System.out.println(settled ? "settled" : "not settled " + jobs.counts());
            System.out.flush();
            System.exit(settled ? 0 : 1);
        }
    }
}
