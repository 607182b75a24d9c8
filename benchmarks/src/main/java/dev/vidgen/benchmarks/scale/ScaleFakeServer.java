package dev.vidgen.benchmarks.scale;

import dev.vidgen.benchmarks.Args;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.server.FakeVideoApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

/**
 * The server side of {@link ScaleBenchmark}, in its own JVM so that its threads and heap are not
 * counted as the client's: the embedded {@code FakeVideoApi} on 127.0.0.1, with one scripted
 * lifecycle per expected submit (durations uniform between {@code --min-seconds} and
 * {@code --max-seconds}, estimates off by up to 50% either way, progress in 10% steps).
 *
 * <p>Protocol on standard input/output, one line each: it prints {@code ready <baseUrl> <key>};
 * then {@code ids} prints every created task id, one a line, then {@code end}; {@code counts}
 * prints {@code submits=N queries=M}; {@code quit} (or the end of input) stops it.
 */
public final class ScaleFakeServer {

    private ScaleFakeServer() {
    }

    /** Runs the fake until told to quit. */
    public static void main(String[] argv) throws IOException {
        Args args = Args.parse(argv);
        int tasks = args.integer("tasks", 10_000);
        int minSeconds = args.integer("min-seconds", 2);
        int maxSeconds = args.integer("max-seconds", 30);
        long seed = args.longValue("seed", 20250906L);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Random random = new Random(seed);
        try (FakeVideoApi api = FakeVideoApi.builder().seed(seed).threads(args.integer("threads", 4)).start()) {
            for (int i = 0; i < tasks; i++) {
                long millis = (long) ((minSeconds + (maxSeconds - minSeconds) * random.nextDouble()) * 1000);
                long estimate = Math.max(1, Math.round(millis / 1000.0 * (0.5 + random.nextDouble())));
                Lifecycle.Builder b = Lifecycle.builder().pending();
                for (int p = 10; p <= 90; p += 10) {
                    b.processing(p);
                }
                api.lifecycleForNextSubmit(b.estimatedTime(Duration.ofSeconds(estimate)).completedAfter(Duration.ofMillis(millis)));
            }
            out.println("ready " + api.baseUrl() + " " + api.apiKey());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                switch (line) {
                    case "ids" -> {
                        for (TaskId id : api.createdTaskIds()) {
                            out.println(id.value());
                        }
                        out.println("end");
                    }
                    case "counts" -> out.println("submits=" + api.submitCount() + " queries=" + api.queryCount());
                    default -> out.println("unknown command '" + line + "': ids, counts or quit");
                }
            }
        }
    }
}
