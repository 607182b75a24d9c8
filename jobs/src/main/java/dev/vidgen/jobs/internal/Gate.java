package dev.vidgen.jobs.internal;

import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Decides whether a queued job may be submitted now, and if so commits it as {@code submitting}
 * in the same transaction: the in-flight limit and the credit budget hold across every instance
 * sharing the journal, because the check takes the lock of the one gate row ({@code <prefix>jobs_gate})
 * first. Submits of this instance are also spaced, so a burst does not meet a wall of 429s.
 */
public final class Gate {

    /** Why a job may not be submitted yet. */
    public enum Refusal {
        /** {@code maxInFlight} jobs are submitting or running. */
        IN_FLIGHT,
        /** The credits reported for this journal's jobs reached the budget. */
        BUDGET
    }

    private final DataSource ds;
    private final Tables tables;
    private final int maxInFlight;
    private final Long creditBudget;
    private final Duration spacing;
    private long nextSlotNanos;

    /** A gate; {@code creditBudget} {@code null} means none. */
    public Gate(DataSource ds, Tables tables, int maxInFlight, Long creditBudget, Duration spacing) {
        this.ds = ds;
        this.tables = tables;
        this.maxInFlight = maxInFlight;
        this.creditBudget = creditBudget;
        this.spacing = spacing;
    }

    /** Waits (on this worker thread) for this instance's next submit slot. */
    public void awaitSlot() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlotNanos);
            nextSlotNanos = slot + spacing.toNanos();
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /**
     * Commits {@code submitting} (from {@code queued}) when the limits allow it.
     *
     * @return empty when committed; else why not (nothing changed)
     * @throws IllegalStateException when the job was no longer queued (cancelled meanwhile)
     */
    public Optional<Refusal> claim(Job submitting, String owner) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Refusal> refusal = check(c);
                if (refusal.isPresent()) {
                    c.rollback();
                    return refusal;
                }
                if (!JobRepository.transition(c, tables, submitting, JobState.QUEUED, null, owner)) {
                    c.rollback();
                    throw new IllegalStateException("job " + submitting.key() + " is no longer queued");
                }
                c.commit();
                return Optional.empty();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException("cannot claim a submit slot for job " + submitting.key(), e);
        }
    }

    /** Whether the budget is spent (approximate: credits are known only after the API reported them). */
    public boolean budgetSpent() {
        if (creditBudget == null) {
            return false;
        }
        try (Connection c = ds.getConnection()) {
            return credits(c) >= creditBudget;
        } catch (SQLException e) {
            throw new JournalException("cannot sum the credits", e);
        }
    }

    private Optional<Refusal> check(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("UPDATE " + tables.gate() + " SET ticks = ticks + 1 WHERE id = 1")) {
            lock.executeUpdate(); // a row lock: the counts below cannot change under another instance's claim
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + tables.jobs() + " WHERE state IN (?, ?)")) {
            ps.setString(1, JobState.SUBMITTING.name());
            ps.setString(2, JobState.RUNNING.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) >= maxInFlight) {
                    return Optional.of(Refusal.IN_FLIGHT);
                }
            }
        }
        if (creditBudget != null && credits(c) >= creditBudget) {
            return Optional.of(Refusal.BUDGET);
        }
        return Optional.empty();
    }

    private long credits(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(credits), 0) FROM " + tables.jobs());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How long until a refused job is looked at again. */
    public static Duration retryDelay(Refusal refusal) {
        return refusal == Refusal.BUDGET ? Duration.ofSeconds(5) : Duration.ofMillis(250);
    }
}
