package dev.vidgen.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts TCP connections to or from one loopback port, as the kernel sees them
 * ({@code /proc/net/tcp} and {@code /proc/net/tcp6}). The fake API exposes no count of open
 * connections, and this sees both ends, the client's and the server's, whatever the transport.
 * Linux only: {@link #available()} says whether it can measure.
 */
public final class TcpConnections {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    /** A socket someone still holds open. */
    private static final Set<String> OPEN_STATES = Set.of("ESTABLISHED", "SYN_SENT", "SYN_RECV", "CLOSE_WAIT");
    private static final Map<String, String> STATE_NAMES = Map.ofEntries(
            Map.entry("01", "ESTABLISHED"), Map.entry("02", "SYN_SENT"), Map.entry("03", "SYN_RECV"),
            Map.entry("04", "FIN_WAIT1"), Map.entry("05", "FIN_WAIT2"), Map.entry("06", "TIME_WAIT"),
            Map.entry("07", "CLOSE"), Map.entry("08", "CLOSE_WAIT"), Map.entry("09", "LAST_ACK"),
            Map.entry("0A", "LISTEN"), Map.entry("0B", "CLOSING"));

    private TcpConnections() {
    }

    /** Whether the kernel's tables can be read here. */
    public static boolean available() {
        return Files.isReadable(TABLES.get(0));
    }

    /** Sockets still held open (either end) of connections to {@code port}; listening sockets excluded. */
    public static int open(int port) {
        return (int) byState(port).entrySet().stream()
                .filter(e -> OPEN_STATES.contains(e.getKey().substring(e.getKey().indexOf(' ') + 1)))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Every socket of a connection to {@code port}, by side ({@code client}/{@code server}) and state, for messages. */
    public static Map<String, Long> byState(int port) {
        Map<String, Long> out = new TreeMap<>();
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4) {
                    continue;
                }
                int local = port(f[1]);
                int remote = port(f[2]);
                String state = STATE_NAMES.getOrDefault(f[3], f[3]);
                if (state.equals("LISTEN")) {
                    continue;
                }
                if (remote == port) {
                    out.merge("client " + state, 1L, Long::sum);
                } else if (local == port) {
                    out.merge("server " + state, 1L, Long::sum);
                }
            }
        }
        return out;
    }

    private static int port(String addressAndPort) {
        return Integer.parseInt(addressAndPort.substring(addressAndPort.lastIndexOf(':') + 1), 16);
    }
}
