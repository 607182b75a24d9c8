package dev.vidgen.adapter.jdk;

import java.net.Authenticator;
import java.net.PasswordAuthentication;

/** Answers proxy challenges only: the server's own 401 goes back to the caller untouched. */
final class ProxyAuthenticator extends Authenticator {
    private final String username;
    private final char[] password;

    ProxyAuthenticator(String username, char[] password) {
        this.username = username;
        this.password = password.clone();
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        return getRequestorType() == RequestorType.PROXY ? new PasswordAuthentication(username, password.clone()) : null;
    }
}
