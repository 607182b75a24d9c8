package dev.vidgen.buildchecks.readme;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A README Java block compiled as a source file and run as a program in a child JVM, as a user would run it. */
final class JavaSnippet {

    private static final Pattern PUBLIC_CLASS = Pattern.compile("public class (\\w+)");

    /** How a run ended, what it printed on stdout, and its stderr (library log lines; shown when a check fails). */
    record Run(int exitCode, String output, String errors) {
        /** Both streams, for failure messages. */
        String describe() {
            return "stdout:\n" + output + "\nstderr:\n" + errors;
        }
    }

    private JavaSnippet() {
    }

    /** The class a whole-program block declares. */
    static String className(String source) {
        Matcher m = PUBLIC_CLASS.matcher(source);
        if (!m.find()) {
            throw new IllegalArgumentException("the block declares no public class:\n" + source);
        }
        return m.group(1);
    }

    /** Compiles the source as {@code ClassName.java} in {@code dir} against this JVM's classpath. */
    static void compile(String source, Path dir) throws IOException {
        Path file = dir.resolve(className(source) + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString(), "-encoding", "UTF-8"),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file)).call();
        if (!ok) {
            throw new AssertionError("README block does not compile:\n" + diagnostics + "\n" + source);
        }
    }

    /** Runs the compiled class's main in a child JVM in {@code dir} with these environment variables, bounded. */
    static Run run(String className, Path dir, Map<String, String> env, long timeoutSeconds) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(javaBin.toString(), "-cp",
                dir + java.io.File.pathSeparator + System.getProperty("java.class.path"), className)
                .directory(dir.toFile()).redirectError(dir.resolve(className + ".stderr").toFile());
        builder.environment().remove("FOXAPI_API_KEY");
        builder.environment().remove("FOXAPI_BASE_URL");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                out.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.append(e);
            }
        });
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            reader.join(5_000);
            throw new AssertionError("README program " + className + " did not end in " + timeoutSeconds + " s:\n" + out
                    + Files.readString(dir.resolve(className + ".stderr")));
        }
        reader.join(5_000);
        return new Run(process.exitValue(), out.toString(), Files.readString(dir.resolve(className + ".stderr")));
    }
}
