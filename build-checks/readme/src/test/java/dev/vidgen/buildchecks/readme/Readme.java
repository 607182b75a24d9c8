package dev.vidgen.buildchecks.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** README.md of the repository, read as sections and fenced code blocks, so that tests run what it shows. */
final class Readme {

    /** A fenced block: its language (the word after the fence) and its text, without fences and indentation. */
    record Block(String language, String text) {
    }

    private final String text;

    private Readme(String text) {
        this.text = text;
    }

    /** The repository's README.md. */
    static Readme load() {
        try {
            return new Readme(Files.readString(root().resolve("README.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root, as surefire passes it. */
    static Path root() {
        return Path.of(System.getProperty("vidgen.root", "../..")).toAbsolutePath().normalize();
    }

    /** The text from a heading line to the next heading of the same or a higher level. */
    String section(String heading) {
        int level = heading.indexOf(' ');
        int start = text.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalStateException("README.md has no heading " + heading);
        }
        int end = text.length();
        for (int l = 1; l <= level; l++) {
            int next = text.indexOf("\n" + "#".repeat(l) + " ", start + heading.length() + 1);
            if (next >= 0 && next < end) {
                end = next;
            }
        }
        return text.substring(start + 1, end);
    }

    /** The fenced blocks of a section, in order. */
    List<Block> blocks(String heading) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder current = null;
        String language = null;
        int indent = 0;
        for (String line : section(heading).split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                if (current == null) {
                    current = new StringBuilder();
                    indent = line.indexOf('`');
                    language = line.strip().substring(3).strip();
                } else {
                    blocks.add(new Block(language, current.toString()));
                    current = null;
                }
            } else if (current != null) {
                current.append(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line.strip())
                        .append('\n');
            }
        }
        return blocks;
    }

    /** The fenced blocks of a section in one language. */
    List<String> blocks(String heading, String language) {
        return blocks(heading).stream().filter(b -> b.language().equals(language)).map(Block::text).toList();
    }

    /** The whole text. */
    String text() {
        return text;
    }
}
