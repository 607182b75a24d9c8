package dev.vidgen.buildchecks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository this build ran in, and its modules as the parent pom lists them. */
final class BuiltTree {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern PARENT = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern PACKAGING = Pattern.compile("<packaging>([^<]+)</packaging>");

    /** A module of the reactor: its directory, artifact id, packaging and whether it is published. */
    record Module(Path dir, String artifactId, String packaging, boolean published) {
        /** The jar the build made, named as Maven names it. */
        Path jar(String classifier) {
            return dir.resolve("target").resolve(artifactId + "-" + version() + (classifier == null ? "" : "-" + classifier) + ".jar");
        }
    }

    private BuiltTree() {
    }

    /** The repository root, as failsafe passes it. */
    static Path root() {
        return Path.of(System.getProperty("vidgen.root", "../..")).toAbsolutePath().normalize();
    }

    /** The project version, as failsafe passes it. */
    static String version() {
        return System.getProperty("vidgen.version");
    }

    /**
     * The parent pom's modules. A jar module is published unless its pom sets {@code maven.deploy.skip}: the
     * test-only and check modules do, so a new library module is checked without being named here.
     */
    static List<Module> modules() throws IOException {
        List<Module> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(Files.readString(root().resolve("pom.xml")));
        while (m.find()) {
            Path dir = root().resolve(m.group(1).strip());
            String pom = PARENT.matcher(Files.readString(dir.resolve("pom.xml"))).replaceFirst("");
            Matcher id = ARTIFACT_ID.matcher(pom);
            if (!id.find()) {
                throw new IllegalStateException(dir + "/pom.xml has no artifactId");
            }
            Matcher packaging = PACKAGING.matcher(pom);
            String kind = packaging.find() ? packaging.group(1) : "jar";
            boolean published = kind.equals("jar") && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>");
            modules.add(new Module(dir, id.group(1), kind, published));
        }
        return modules;
    }

    /** The published jar modules. */
    static List<Module> publishedJars() throws IOException {
        return modules().stream().filter(Module::published).toList();
    }
}
