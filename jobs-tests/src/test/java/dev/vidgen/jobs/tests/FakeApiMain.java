package dev.vidgen.jobs.tests;

import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.Fault;
import dev.vidgen.fake.server.Route;
import dev.vidgen.domain.task.TaskId;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The fake API in a process of its own, so it outlives the killed workers. Prints {@code url URL},
 * then answers commands on stdin, one line each: {@code delay-next-submit MS} (the next submit
 * creates its task at once but is answered MS later: the POST-to-commit window), {@code submits}
 * (POSTs received), {@code held} (how many submits had their answer held back, and the last one's prompt), {@code delay-queries N MS} (the next N task queries answered MS late, so the
 * workers hold their executions), {@code last-prompt} (prompt of the newest task), {@code dump} (every created
 * task's prompt, then {@code end}), {@code quit}.
 */
public final class FakeApiMain {

    private FakeApiMain() {
    }

    /** The prompt of a created task, from the body as it arrived. */
    private static String prompt(FakeVideoApi api, TaskId id) throws java.io.IOException {
        return JSON.readTree(api.task(id).orElseThrow().body()).path("prompt").asText();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Args: task duration in ms. */
    public static void main(String[] args) throws Exception {
        long taskMs = args.length > 0 ? Long.parseLong(args[0]) : 1000;
        try (FakeVideoApi api = FakeVideoApi.builder().acceptAnyApiKey().taskDuration(Duration.ofMillis(taskMs)).threads(16).start()) {
            api.lifecycleWhen(r -> r.prompt() != null && r.prompt().contains("scripted-fail"), Lifecycle.failedAtFirstPoll("generation_failed"));
            System.out.println("url " + api.baseUrl());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] cmd = line.trim().split(" ");
                switch (cmd[0]) {
                    case "delay-next-submit" -> {
                        api.faults().next(Route.SUBMIT, Fault.delay(Duration.ofMillis(Long.parseLong(cmd[1]))));
                        System.out.println("ok");
                    }
                    case "delay-queries" -> {
                        api.faults().next(Route.QUERY, Fault.delay(Duration.ofMillis(Long.parseLong(cmd[2]))), Integer.parseInt(cmd[1]));
                        System.out.println("ok");
                    }
                    case "held" -> { // the submits whose answer was held back: how many, and the last one's prompt
                        List<dev.vidgen.fake.server.RecordedRequest> held = api.requests(Route.SUBMIT).stream()
                                .filter(r -> r.fault() != null && r.fault().delay() != null).toList();
                        System.out.println("held " + held.size() + " " + (held.isEmpty() ? ""
                                : JSON.readTree(held.get(held.size() - 1).body()).path("prompt").asText()));
                    }
                    case "submits" -> System.out.println("submits " + api.count(Route.SUBMIT));
                    case "last-prompt" -> {
                        List<TaskId> ids = api.createdTaskIds();
                        System.out.println("prompt " + (ids.isEmpty() ? "(no task yet)" : prompt(api, ids.get(ids.size() - 1))
                                + " | " + ids.size() + " tasks | " + api.task(ids.get(ids.size() - 1)).orElseThrow().body()));
                    }
                    case "dump" -> {
                        for (TaskId id : api.createdTaskIds()) {
                            System.out.println("task " + prompt(api, id));
                        }
                        System.out.println("end");
                    }
                    case "quit" -> {
                        return;
                    }
                    default -> System.out.println("unknown " + line);
                }
                System.out.flush();
            }
        }
    }
}
