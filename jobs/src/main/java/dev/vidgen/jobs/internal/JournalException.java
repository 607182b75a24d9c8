package dev.vidgen.jobs.internal;

import java.sql.SQLException;

/** The journal's database failed; the message says what vidgen was doing, the cause what the database said. */
public final class JournalException extends RuntimeException {

    /** A failure while doing {@code what}. */
    public JournalException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
