package dev.vidgen.jobs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.Usage;
import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobKey;
import dev.vidgen.jobs.JobState;
import dev.vidgen.jobs.StoredResult;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps a {@link Job} to and from a row of the jobs table ({@code <prefix>jobs}) (times as epoch milliseconds, lists as JSON). */
final class JobRows {

    /** Every column but the key, the request and its hash, in the order {@link #bind} writes them. */
    static final String MUTABLE = "state, model, task_id, progress, attempts, polls, error_code, last_error, credits, "
            + "usage_json, result_urls, stored_json, submitted_at, completed_at, stored_at, updated_at, next_at, owner";

    /** The query of whole rows from {@code tables}' jobs table (a WHERE or ORDER BY may follow). */
    static String select(Tables tables) {
        return "SELECT job_key, request_sha256, enqueued_at, " + MUTABLE + " FROM " + tables.jobs();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobRows() {
    }

    /** Binds the mutable columns from index {@code first}; returns the next index. */
    static int bind(PreparedStatement ps, int first, Job job, Instant nextAt, String owner) throws SQLException {
        int i = first;
        ps.setString(i++, job.state().name());
        ps.setString(i++, job.model());
        ps.setString(i++, job.taskId() == null ? null : job.taskId().value());
        setInt(ps, i++, job.progress());
        ps.setInt(i++, job.attempts());
        ps.setInt(i++, job.polls());
        ps.setString(i++, clip(job.errorCode(), 200));
        ps.setString(i++, clip(job.lastError(), 4000));
        setLong(ps, i++, job.credits().orElse(null));
        ps.setString(i++, job.usage() == null ? null : write(usageMap(job.usage())));
        ps.setString(i++, job.resultUrls().isEmpty() ? null : write(job.resultUrls().stream().map(URI::toString).toList()));
        ps.setString(i++, job.results().isEmpty() ? null : write(job.results()));
        setTime(ps, i++, job.submittedAt());
        setTime(ps, i++, job.completedAt());
        setTime(ps, i++, job.storedAt());
        setTime(ps, i++, job.updatedAt());
        setTime(ps, i++, nextAt);
        ps.setString(i++, owner);
        return i;
    }

    static Job read(ResultSet rs) throws SQLException {
        String task = rs.getString("task_id");
        String usage = rs.getString("usage_json");
        String urls = rs.getString("result_urls");
        String stored = rs.getString("stored_json");
        return new Job(new JobKey(rs.getString("job_key")), JobState.valueOf(rs.getString("state")),
                rs.getString("model"), task == null ? null : new TaskId(task), getInt(rs, "progress"),
                rs.getInt("attempts"), rs.getInt("polls"), rs.getString("error_code"), rs.getString("last_error"),
                usage == null ? null : usage(read(usage, new TypeReference<Map<String, Object>>() { })),
                time(rs, "enqueued_at"), time(rs, "submitted_at"), time(rs, "completed_at"), time(rs, "stored_at"),
                time(rs, "updated_at"),
                urls == null ? List.of() : read(urls, new TypeReference<List<String>>() { }).stream().map(URI::create).toList(),
                stored == null ? List.of() : read(stored, new TypeReference<List<StoredResult>>() { }),
                rs.getString("request_sha256"));
    }

    private static Map<String, Object> usageMap(Usage u) {
        Map<String, Object> m = new HashMap<>(u.extra());
        m.put("credits_reserved", u.creditsReserved());
        m.put("user_group", u.userGroup());
        return m;
    }

    private static Usage usage(Map<String, Object> m) {
        Map<String, Object> extra = new HashMap<>(m);
        Object credits = extra.remove("credits_reserved");
        Object group = extra.remove("user_group");
        extra.values().removeIf(v -> v == null);
        return new Usage(credits instanceof Number n ? n.longValue() : null, group == null ? null : group.toString(), extra);
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    static void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
        setLong(ps, i, t == null ? null : t.toEpochMilli());
    }

    static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static Integer getInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Instant time(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write journal JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in the journal: " + e.getOriginalMessage(), e);
        }
    }
}
