package dev.vidgen.client.error;

/** The server answered 2xx but the body lacks what vidgen needs or is not JSON. */
public class MalformedResponseException extends VidgenException {

    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message, Throwable cause, boolean taskMayHaveBeenCreated) {
        super(message, cause, taskMayHaveBeenCreated);
    }
}
