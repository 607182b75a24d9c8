package dev.vidgen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.StoredResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/** {@code results.jsonl} (one line per job: key, state, task id, files, bytes, sha256, error) and the stdout lines. */
final class BatchReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchReport() {
    }

    /** One {@code results.jsonl} line. */
    static String line(Job j) {
        ObjectNode o = JSON.createObjectNode();
        o.put("key", j.key().value());
        o.put("state", j.state().label());
        o.put("task_id", j.taskId() == null ? null : j.taskId().value());
        ArrayNode files = o.putArray("files");
        ArrayNode hashes = o.putArray("sha256");
        for (StoredResult r : j.results()) {
            files.add(r.location());
            hashes.add(r.sha256());
        }
        o.put("bytes", j.storedBytes());
        if (j.errorCode() != null) {
            o.put("error_code", j.errorCode());
        }
        o.put("error", j.lastError());
        return o.toString();
    }

    /** The human line: key, state, file(s) or error. */
    static String text(Job j) {
        String what = !j.results().isEmpty() ? j.results().stream().map(StoredResult::location).collect(Collectors.joining(" "))
                : j.lastError() != null ? j.lastError() : "";
        return Printable.text(j.key().value() + " " + j.state().label() + (what.isEmpty() ? "" : " " + what));
    }

    /** Writes {@code DIR/results.jsonl} atomically. */
    static void write(Path dir, List<Job> jobs) {
        Path target = dir.resolve("results.jsonl");
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".results", ".tmp");
            Files.writeString(tmp, jobs.stream().map(BatchReport::line).map(l -> l + "\n").collect(Collectors.joining()),
                    StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Prints the jobs on stdout: {@code results.jsonl} lines with {@code json}, else one text line each. */
    static void print(PrintWriter out, List<Job> jobs, boolean json) {
        for (Job j : jobs) {
            out.println(json ? line(j) : text(j));
        }
        out.flush();
    }
}
