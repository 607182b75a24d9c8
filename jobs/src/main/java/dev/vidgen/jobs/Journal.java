package dev.vidgen.jobs;

import dev.vidgen.jobs.internal.Dialect;
import dev.vidgen.jobs.internal.DriverDataSource;
import org.hsqldb.jdbc.JDBCDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where jobs are remembered. {@link #embedded(Path)}: a file database (HSQLDB, pure Java, MVCC,
 * every commit written through to disk) in a directory, for one machine, with no server and no
 * set-up; one process at a time opens it (HSQLDB locks the files). {@link #shared(DataSource)}:
 * a PostgreSQL database every instance of the application shares.
 */
public final class Journal implements AutoCloseable {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final boolean embedded;
    private final String description;

    private Journal(DataSource dataSource, Dialect dialect, boolean embedded, String description) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.embedded = embedded;
        this.description = description;
    }

    /**
     * The embedded journal in {@code directory} (created when needed), file {@code journal.*}.
     * After a crash the next open may wait (up to about 20 s) for HSQLDB's lock of the dead process to expire.
     *
     * @throws IllegalStateException when it cannot be opened (another live process has it, for example)
     */
    public static Journal embedded(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the journal directory " + directory + ": " + e.getMessage(), e);
        }
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl("jdbc:hsqldb:file:" + directory.toAbsolutePath().resolve("journal")
                + ";hsqldb.tx=mvcc;hsqldb.write_delay=false;hsqldb.lock_file=true");
        ds.setUser("SA");
        ds.setPassword("");
        open(ds, directory, Duration.ofSeconds(25));
        return new Journal(ds, Dialect.HSQLDB, true, "embedded journal in " + directory.toAbsolutePath());
    }

    /** A journal on a database the application manages (PostgreSQL, or HSQLDB), shared by every instance using it. */
    public static Journal shared(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection c = dataSource.getConnection()) {
            return new Journal(dataSource, Dialect.of(c), false, "journal on " + c.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the journal: " + e.getMessage(), e);
        }
    }

    /**
     * A shared journal from a JDBC URL ({@code jdbc:postgresql://host/db}; the driver must be on the
     * class path). Each use opens a connection: give {@link #shared(DataSource)} a pool for heavy use.
     */
    public static Journal url(String jdbcUrl, String user, String password) {
        return shared(new DriverDataSource(jdbcUrl, user, password));
    }

    private static void open(JDBCDataSource ds, Path directory, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("SET FILES WRITE DELAY FALSE"); // a commit is on disk before it returns
                return;
            } catch (SQLException e) {
                boolean locked = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("lock");
                if (!locked || System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot open the embedded journal in " + directory + ": " + e.getMessage()
                            + (locked ? " (is another vidgen process using it?)" : ""), e);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while opening the journal", ie);
                }
            }
        }
    }

    /** The database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether this is the embedded journal (one process at a time). */
    public boolean isEmbedded() {
        return embedded;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Closes the embedded database cleanly (a shared one is the application's to close). */
    @Override
    public void close() {
        if (!embedded) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the journal: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
