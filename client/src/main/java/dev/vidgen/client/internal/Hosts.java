package dev.vidgen.client.internal;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which hosts plain http may talk to without an explicit opt-in: the loopback ones. Decided from
 * the host text alone, without a DNS look-up (no I/O while configuring).
 */
public final class Hosts {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private Hosts() {
    }

    /** Whether {@code host} is {@code localhost}, an address in 127.0.0.0/8 or {@code ::1}. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || IPV4_LOOPBACK.matcher(h).matches()
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** Whether {@code uri} is https, or http to a loopback host. */
    public static boolean isSecureOrLoopback(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || (scheme.equals("http") && isLoopback(uri.getHost()));
    }
}
