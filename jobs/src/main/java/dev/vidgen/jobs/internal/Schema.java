package dev.vidgen.jobs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates the journal's tables from the DDL shipped in the jar, when they are missing and the application allows it.
 * The shipped DDL names everything with the default prefix {@code vidgen_}; another prefix is put in its place
 * ({@link Tables#rewrite}), the same edit a user makes to run the script by hand.
 */
public final class Schema {

    private Schema() {
    }

    /**
     * Makes sure the tables exist: creates them when {@code apply}, else fails saying which script to run.
     * Safe when several instances start at once (a lost race is detected and accepted).
     */
    public static void ensure(DataSource ds, Dialect dialect, Tables tables, boolean apply) throws SQLException {
        if (exists(ds, tables)) {
            return;
        }
        if (!apply) {
            String adapt = tables.prefix().equals(Tables.DEFAULT_PREFIX) ? ""
                    : " with every 'vidgen_' replaced by '" + tables.prefix() + "'";
            throw new SQLException("the vidgen journal has no table " + tables.jobs() + "; run " + dialect.schemaResource()
                    + " from vidgen-jobs.jar" + adapt + " (Flyway or Liquibase can), or allow vidgen to apply it (applySchema(true))");
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String sql : statements(dialect, tables)) {
                    st.execute(sql);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!exists(ds, tables)) { // another instance may have created it meanwhile
                    throw e;
                }
            }
        }
    }

    private static boolean exists(DataSource ds, Tables tables) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM " + tables.jobs() + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The DDL statements of a dialect's script, comments dropped, under the prefix of {@code tables}. */
    static List<String> statements(Dialect dialect, Tables tables) {
        String text;
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(dialect.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + dialect.schemaResource());
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder current = new StringBuilder();
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(tables.rewrite(sql.substring(0, sql.length() - 1)));
                current.setLength(0);
            }
        }
        return out;
    }
}
