package dev.vidgen.cli;

import dev.vidgen.client.ApiKey;
import dev.vidgen.client.ClientConfig;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code vidgen} command: generate videos through foxapi's task API, or try everything on an
 * embedded fake API without an account.
 *
 * <p>Run {@link #main(String[])} from a shell; tests call {@link #execute(CliContext, String...)}
 * with their own environment and streams and get the exit code back.
 */
@Command(name = "vidgen", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VidgenCli.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Generate videos with foxapi's task API (Veo 3.1 reference-to-video, Kling O3 reference video).",
            "Without FOXAPI_API_KEY and FOXAPI_BASE_URL, commands run on an embedded fake API: try 'vidgen demo'."
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  FOXAPI_API_KEY    the API key (sk-...); an empty variable counts as unset",
            "  FOXAPI_BASE_URL   the API's address (default https://api.foxapi.cc)",
            "%nExit codes:",
            "  0 ok, 1 usage error, 2 invalid request, 3 API or transport error,",
            "  4 task failed (error code printed), 5 wait timed out (task id printed)"
        },
        subcommands = {
            ModelsCommand.class, ValidateCommand.class, SubmitCommand.class, GenerateCommand.class,
            StatusCommand.class, WaitCommand.class, DownloadCommand.class, FakeServerCommand.class, DemoCommand.class,
            BatchCommand.class, JobsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class VidgenCli implements Callable<Integer> {

    // the API options are also the commands' own (ApiOptions), so that fake-server and demo, which
    // ignore them, do not list them; here they are accepted before the command name
    @Option(names = "--api-key", scope = ScopeType.LOCAL, paramLabel = "KEY",
            description = "For the commands that call the API: API key (default: $FOXAPI_API_KEY); never printed")
    String apiKey;

    @Option(names = "--base-url", scope = ScopeType.LOCAL, paramLabel = "URL",
            description = "For the commands that call the API: API address (default: $FOXAPI_BASE_URL, else https://api.foxapi.cc)")
    String baseUrl;

    @Option(names = "--transport", scope = ScopeType.LOCAL, paramLabel = "jdk|apache", converter = Transport.Converter.class,
            description = "For the commands that call the API: HTTP stack: apache (Apache HttpClient 5, the default) or jdk (java.net.http)")
    Transport transport;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Add details (the chain of causes, a response body) to error messages")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Set when a command started the embedded fake API, for the hint that it starts empty. */
    volatile boolean onEmbeddedFake;

    private final CliContext context;
    private final Secrets secrets;
    private final PrintWriter out;
    private final PrintWriter err;

    private VidgenCli(CliContext context, Secrets secrets) {
        this.context = context;
        this.secrets = secrets;
        this.out = writer(context.out(), secrets);
        this.err = writer(context.err(), secrets);
    }

    /**
     * Runs {@code vidgen} in this process and exits with its exit code. The command prints only
     * its own output: the libraries' logging is switched off for this process (SLF4J is bound to
     * slf4j-nop in the CLI, java.util.logging is silenced); errors are the command's own sentences.
     */
    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(execute(CliContext.system(), args));
    }

    /**
     * Silences java.util.logging (Hibernate Validator's version line goes there unless
     * jboss-logging is told otherwise) and sends jboss-logging to SLF4J, which the CLI binds to
     * slf4j-nop. Only {@link #main} calls it: an application embedding {@link #execute} keeps its logging.
     */
    static void quietLibraryLogging() {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
    }

    /**
     * Runs {@code vidgen} with {@code args} in {@code context}; returns the exit code (see {@link ExitCode}).
     * Nothing is printed that contains the API key.
     */
    public static int execute(CliContext context, String... args) {
        Secrets secrets = new Secrets();
        secrets.add(context.env().get(ApiKey.ENV_VAR));
        for (int i = 0; i < args.length; i++) {
            // known before parsing, so that even a parse error echoing the key is scrubbed
            if (args[i].equals("--api-key") && i + 1 < args.length) {
                secrets.add(args[i + 1]);
            } else if (args[i].startsWith("--api-key=")) {
                secrets.add(args[i].substring("--api-key=".length()));
            }
        }
        VidgenCli root = new VidgenCli(context, secrets);
        CommandLine cmd = commandLine(root);
        try {
            return cmd.execute(args);
        } finally {
            root.out.flush();
            root.err.flush();
        }
    }

    private static CommandLine commandLine(VidgenCli root) {
        CommandLine cmd = new CommandLine(root);
        cmd.setOut(root.out);
        cmd.setErr(root.err);
        cmd.setUsageHelpAutoWidth(true);
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            err.flush();
            return ExitCode.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                Errors.report(ex, commandLine.getErr(), root.verbose, root.onEmbeddedFake));
        return cmd;
    }

    /** Without a subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        err.println("error: a command is needed");
        spec.commandLine().usage(err);
        return ExitCode.USAGE;
    }

    CliContext context() {
        return context;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    Secrets secrets() {
        return secrets;
    }

    private static PrintWriter writer(OutputStream stream, Secrets secrets) {
        return new PrintWriter(secrets.scrubbing(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), true);
    }

    /** The HTTP stacks {@code --transport} names. */
    enum Transport {
        JDK, APACHE;

        /** The name the transport's provider registers. */
        String providerName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Reads {@code jdk} or {@code apache}, any case. */
        static final class Converter implements CommandLine.ITypeConverter<Transport> {
            @Override
            public Transport convert(String value) {
                for (Transport t : values()) {
                    if (t.providerName().equalsIgnoreCase(value.strip())) {
                        return t;
                    }
                }
                throw new CommandLine.TypeConversionException("'" + value + "' is not a transport: use jdk or apache");
            }
        }
    }

    /** {@code vidgen --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vidgen " + ClientConfig.VERSION + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
