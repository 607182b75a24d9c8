package dev.vidgen.jobs.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the journal's DDL is shipped for. */
public enum Dialect {
    /** The embedded, file-based default. */
    HSQLDB("db/vidgen/hsqldb/V1__jobs.sql"),
    /** The shared journal for several instances. */
    POSTGRESQL("db/vidgen/postgresql/V1__jobs.sql");

    private final String schemaResource;

    Dialect(String schemaResource) {
        this.schemaResource = schemaResource;
    }

    /** The class-path resource of the versioned DDL (Flyway-style name). */
    public String schemaResource() {
        return schemaResource;
    }

    /** The dialect of an open connection, from its metadata. */
    public static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("hsql")) {
            return HSQLDB;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new SQLException("the vidgen journal supports HSQLDB and PostgreSQL; this database is '"
                + c.getMetaData().getDatabaseProductName() + "'");
    }
}
