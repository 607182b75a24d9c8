package dev.vidgen.client.error;

/** The HTTP exchange failed without a response (connect, timeout, reset), after any retries. */
public class TransportIoException extends VidgenException {

    private static final long serialVersionUID = 1L;

    public TransportIoException(String message, Throwable cause, boolean taskMayHaveBeenCreated) {
        super(message, cause, taskMayHaveBeenCreated);
    }
}
