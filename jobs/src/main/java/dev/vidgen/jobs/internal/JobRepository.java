package dev.vidgen.jobs.internal;

import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobKey;
import dev.vidgen.jobs.JobState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The journal's SQL: one row per job in the jobs table ({@code <prefix>jobs}). Every write is its own committed
 * transaction; a transition is conditional on the state it starts from, so two actors (a worker and
 * a user cancelling) cannot both win.
 */
public final class JobRepository {

    private final DataSource ds;
    private final Tables tables;

    /** A repository on {@code ds}'s {@code tables} (already there). */
    public JobRepository(DataSource ds, Tables tables) {
        this.ds = ds;
        this.tables = tables;
    }

    /** Inserts a new job; {@code false} when the key exists already. */
    public boolean insert(Job job, String requestJson) {
        String sql = "INSERT INTO " + tables.jobs() + " (job_key, request_json, request_sha256, enqueued_at, " + JobRows.MUTABLE
                + ") VALUES (" + "?, ".repeat(3 + JobRows.MUTABLE.split(", ").length) + "?)";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, job.key().value());
            ps.setString(2, requestJson);
            ps.setString(3, job.requestSha256());
            JobRows.setTime(ps, 4, job.enqueuedAt());
            JobRows.bind(ps, 5, job, job.enqueuedAt(), null);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) { // integrity constraint: the key exists
                return false;
            }
            throw new JournalException("cannot insert job " + job.key(), e);
        }
    }

    /** The job under {@code key}. */
    public Optional<Job> find(JobKey key) {
        List<Job> found = query(JobRows.select(tables) + " WHERE job_key = ?", key.value());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The request JSON of the job under {@code key}. */
    public Optional<String> requestJson(JobKey key) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT request_json FROM " + tables.jobs() + " WHERE job_key = ?")) {
            ps.setString(1, key.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read the request of job " + key, e);
        }
    }

    /** Jobs in {@code state} (all jobs when {@code null}), by key. */
    public List<Job> list(JobState state) {
        return state == null ? query(JobRows.select(tables) + " ORDER BY job_key")
                : query(JobRows.select(tables) + " WHERE state = ? ORDER BY job_key", state.name());
    }

    /** The keys of jobs not settled (they need a worker). */
    public List<JobKey> unsettledKeys() {
        List<JobKey> keys = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT job_key FROM " + tables.jobs() + " WHERE state IN (?, ?, ?, ?)")) {
            ps.setString(1, JobState.QUEUED.name());
            ps.setString(2, JobState.SUBMITTING.name());
            ps.setString(3, JobState.RUNNING.name());
            ps.setString(4, JobState.COMPLETED.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new JobKey(rs.getString(1)));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new JournalException("cannot list unsettled jobs", e);
        }
    }

    /** How many jobs are in each state (every state present, 0 when none). */
    public Map<JobState, Long> counts() {
        Map<JobState, Long> counts = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            counts.put(s, 0L);
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM " + tables.jobs() + " GROUP BY state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(JobState.valueOf(rs.getString(1)), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new JournalException("cannot count jobs", e);
        }
    }

    /**
     * Writes {@code next} over the row if it is still in {@code from}; commits.
     *
     * @return whether the row was in {@code from} (and is now {@code next})
     */
    public boolean transition(Job next, JobState from, Instant nextAt, String owner) {
        try (Connection c = ds.getConnection()) {
            return transition(c, tables, next, from, nextAt, owner);
        } catch (SQLException e) {
            throw new JournalException("cannot record job " + next.key() + " as " + next.state().label(), e);
        }
    }

    static boolean transition(Connection c, Tables tables, Job next, JobState from, Instant nextAt, String owner) throws SQLException {
        String sets = String.join(" = ?, ", JobRows.MUTABLE.split(", ")) + " = ?";
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + tables.jobs() + " SET " + sets + " WHERE job_key = ? AND state = ?")) {
            int i = JobRows.bind(ps, 1, next, nextAt, owner);
            ps.setString(i++, next.key().value());
            ps.setString(i, from.name());
            return ps.executeUpdate() == 1;
        }
    }

    /** Deletes settled jobs last changed before {@code before}; returns how many. */
    public int purge(Instant before) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM " + tables.jobs() + " WHERE state IN (?, ?, ?, ?) AND updated_at < ?")) {
            ps.setString(1, JobState.STORED.name());
            ps.setString(2, JobState.FAILED.name());
            ps.setString(3, JobState.EXPIRED.name());
            ps.setString(4, JobState.CANCELLED.name());
            ps.setLong(5, before.toEpochMilli());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("cannot purge jobs", e);
        }
    }

    private List<Job> query(String sql, String... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<Job> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(JobRows.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal", e);
        }
    }
}
