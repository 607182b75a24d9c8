package dev.vidgen.micrometer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads the README's "Metrics" table: meter name to its tag keys. */
final class ReadmeMetrics {

    static final String HEADING = "### Metrics";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z.]+)`\\s*\\|[^|]*\\|([^|]*)\\|.*$");

    private ReadmeMetrics() {
    }

    static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("micrometer"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }

    /** Each row's meter name and the tag keys listed in its second column (back-quoted, comma-separated; "none" for none). */
    static Map<String, Set<String>> table() throws Exception {
        List<String> lines = Files.readAllLines(readme());
        int start = lines.indexOf(HEADING);
        if (start < 0) {
            throw new IllegalStateException("README.md has no section " + HEADING);
        }
        Map<String, Set<String>> table = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                Set<String> tags = Arrays.stream(m.group(2).split(",")).map(t -> t.strip().replace("`", ""))
                        .filter(t -> !t.isEmpty() && !t.equals("none")).collect(Collectors.toCollection(TreeSet::new));
                table.put(m.group(1), tags);
            }
        }
        return table;
    }
}
