package dev.vidgen.cli;

import picocli.CommandLine.Option;

/**
 * The options of the commands that call the API: where, with which key, over which HTTP stack.
 * Also accepted before the command ({@code vidgen --api-key KEY status ID}); given after it, they win.
 */
final class ApiOptions {

    @Option(names = "--api-key", paramLabel = "KEY", description = "API key (default: $FOXAPI_API_KEY); never printed")
    String apiKey;

    @Option(names = "--base-url", paramLabel = "URL", description = "API address (default: $FOXAPI_BASE_URL, else https://api.foxapi.cc)")
    String baseUrl;

    @Option(names = "--transport", paramLabel = "jdk|apache", converter = VidgenCli.Transport.Converter.class,
            description = "HTTP stack: apache (Apache HttpClient 5, the default) or jdk (java.net.http)")
    VidgenCli.Transport transport;
}
