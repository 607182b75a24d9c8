package dev.vidgen.client;

import dev.vidgen.client.internal.Hosts;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.ports.http.TransportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Everything configurable about a client, as one immutable value: for {@link VideoClientBuilder}
 * and for the Guice {@code VideoClientModule}. Build with {@link #builder()}.
 *
 * <h2>Timeouts and their precedence</h2>
 * <ul>
 *   <li><b>connect</b> ({@link TransportSettings#connectTimeout()}): how long the transport waits
 *       for a TCP/TLS connection; a property of the transport, the same for every call.</li>
 *   <li><b>attempt</b> ({@link #attemptTimeout()}): how long one HTTP attempt waits for its whole
 *       answer. A {@code CallOptions.attemptTimeout} given to a call wins over it.</li>
 *   <li><b>call</b> ({@link #callTimeout()}): how long one call may take, all attempts and backoff
 *       included. A {@code CallOptions.callTimeout} wins over it. Each attempt's timeout is cut to
 *       the time the call has left, and no retry is scheduled past it (not even for a
 *       {@code Retry-After}).</li>
 *   <li><b>wait</b> ({@code AwaitOptions.timeout}): the total deadline of an {@code await}, which
 *       makes many calls; each of them is cut to the time the wait has left.</li>
 * </ul>
 */
public final class ClientConfig {

    /** The API's address. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.foxapi.cc");

    /** The environment variable read for the base URL when none is set explicitly (as the CLI does). */
    public static final String BASE_URL_ENV_VAR = "FOXAPI_BASE_URL";

    /** This library's version, as sent in the {@code User-Agent}. */
    public static final String VERSION = loadVersion();

    /** {@code vidgen-java/<version>}. */
    public static final String DEFAULT_USER_AGENT = "vidgen-java/" + VERSION;

    private final URI baseUrl;
    private final String baseUrlSource;
    private final ApiKey apiKey;
    private final boolean allowInsecureHttp;
    private final String userAgent;
    private final RetryPolicy retryPolicy;
    private final Duration attemptTimeout;
    private final Duration callTimeout;
    private final TransportSettings transportSettings;
    private final String transportName;
    private final ValidationPolicy validationPolicy;
    private final ClientObserver observer;

    private ClientConfig(Builder b) {
        this.allowInsecureHttp = b.allowInsecureHttp;
        if (b.baseUrl != null) {
            this.baseUrl = checkBaseUrl(b.baseUrl, b.allowInsecureHttp);
            this.baseUrlSource = b.baseUrlSource != null ? b.baseUrlSource : "set";
        } else {
            String env = b.environment.apply(BASE_URL_ENV_VAR);
            if (env != null && !env.isBlank()) {
                try {
                    this.baseUrl = checkBaseUrl(parse(env.strip(), "the environment variable " + BASE_URL_ENV_VAR), b.allowInsecureHttp);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the environment variable " + BASE_URL_ENV_VAR + " does not hold a usable base URL: "
                            + e.getMessage(), e);
                }
                this.baseUrlSource = BASE_URL_ENV_VAR;
            } else {
                this.baseUrl = checkBaseUrl(DEFAULT_BASE_URL, b.allowInsecureHttp);
                this.baseUrlSource = "default";
            }
        }
        this.apiKey = b.apiKey != null ? b.apiKey : ApiKey.fromEnvironment(b.environment).orElse(null);
        this.userAgent = checkHeaderValue(b.userAgent, "userAgent");
        this.retryPolicy = Objects.requireNonNull(b.retryPolicy, "retryPolicy");
        this.attemptTimeout = positive(b.attemptTimeout, "attemptTimeout");
        this.callTimeout = positive(b.callTimeout, "callTimeout");
        this.transportSettings = Objects.requireNonNull(b.transportSettings, "transportSettings");
        this.transportName = b.transportName;
        this.validationPolicy = Objects.requireNonNull(b.validationPolicy, "validationPolicy");
        this.observer = ClientObserver.safe(b.observer);
    }

    /**
     * A builder with the defaults: the base URL from {@value #BASE_URL_ENV_VAR} or else foxapi's https
     * address, the key from {@value ApiKey#ENV_VAR}, 60 s attempts, 3 min calls. A value set on the
     * builder wins over the environment; an empty variable counts as unset.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults, with the key (if any) from the environment. */
    public static ClientConfig defaults() {
        return builder().build();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseUrl = baseUrl;
        b.baseUrlSource = baseUrlSource;
        b.apiKey = apiKey;
        b.allowInsecureHttp = allowInsecureHttp;
        b.userAgent = userAgent;
        b.retryPolicy = retryPolicy;
        b.attemptTimeout = attemptTimeout;
        b.callTimeout = callTimeout;
        b.transportSettings = transportSettings;
        b.transportName = transportName;
        b.validationPolicy = validationPolicy;
        b.observer = observer;
        return b;
    }

    /** The API's address, for example {@code https://api.foxapi.cc}. */
    public URI baseUrl() { return baseUrl; }

    /** Where {@link #baseUrl()} came from: {@code set} (on the builder), {@value #BASE_URL_ENV_VAR} or {@code default}. */
    public String baseUrlSource() { return baseUrlSource; }

    /** The key set explicitly or found in {@value ApiKey#ENV_VAR}; empty when neither (fine for a fake task port). */
    public Optional<ApiKey> apiKey() { return Optional.ofNullable(apiKey); }

    /** Whether plain http to a host that is not loopback was explicitly allowed. */
    public boolean allowInsecureHttp() { return allowInsecureHttp; }

    /** The {@code User-Agent} header. */
    public String userAgent() { return userAgent; }

    /** When and how fast calls are retried. */
    public RetryPolicy retryPolicy() { return retryPolicy; }

    /** The default timeout of one HTTP attempt. */
    public Duration attemptTimeout() { return attemptTimeout; }

    /** The default timeout of one call, retries included. */
    public Duration callTimeout() { return callTimeout; }

    /** Settings for a transport the client creates (connect timeout, pool size, proxy). */
    public TransportSettings transportSettings() { return transportSettings; }

    /** The transport provider to use by name ({@code apache}, {@code jdk}); empty for the highest priority one. */
    public Optional<String> transportName() { return Optional.ofNullable(transportName); }

    /** Which validation rules are in force. */
    public ValidationPolicy validationPolicy() { return validationPolicy; }

    /** Hears HTTP attempts, task events and calls; {@link ClientObserver#NOOP} unless set. Never throws into a call. */
    public ClientObserver observer() { return observer; }

    /** Shows every setting; the key only as masked. */
    @Override
    public String toString() {
        return "ClientConfig[baseUrl=" + baseUrl + " (" + baseUrlSource + "), apiKey=" + (apiKey == null ? "none" : apiKey) + ", allowInsecureHttp="
                + allowInsecureHttp + ", userAgent=" + userAgent + ", retryPolicy=" + retryPolicy + ", attemptTimeout="
                + attemptTimeout + ", callTimeout=" + callTimeout + ", transportSettings=" + transportSettings
                + ", transportName=" + transportName + ", validationPolicy=" + validationPolicy
                + (observer == ClientObserver.NOOP ? "" : ", observer=" + observer) + "]";
    }

    private static URI checkBaseUrl(URI uri, boolean allowInsecureHttp) {
        Objects.requireNonNull(uri, "baseUrl");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL with a host, like " + DEFAULT_BASE_URL + ", got " + uri);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not carry user info, a query or a fragment: " + uri.getScheme() + "://" + uri.getHost());
        }
        if (!allowInsecureHttp && !Hosts.isSecureOrLoopback(uri)) {
            throw new IllegalArgumentException("plain http to " + uri.getHost() + " is refused: the API key would travel unencrypted. "
                    + "Use https, or allowInsecureHttp(true) if this is really wanted (plain http to a loopback host is always allowed)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static URI parse(String text, String what) {
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a URL: " + e.getMessage(), e);
        }
    }

    private static String checkHeaderValue(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(what + " must be non-blank and free of control characters");
        }
        return value;
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }

    private static String loadVersion() {
        try (InputStream in = ClientConfig.class.getResourceAsStream("vidgen-version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("${")) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            // fall through: a missing version must not stop the client
        }
        return "dev";
    }

    /** Builds a {@link ClientConfig}. */
    public static final class Builder {
        private URI baseUrl;
        private String baseUrlSource;
        private ApiKey apiKey;
        private boolean allowInsecureHttp;
        private String userAgent = DEFAULT_USER_AGENT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration attemptTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ofMinutes(3);
        private TransportSettings transportSettings = TransportSettings.defaults();
        private String transportName;
        private ValidationPolicy validationPolicy = ValidationPolicy.defaults();
        private UnaryOperator<String> environment = System::getenv;
        private ClientObserver observer = ClientObserver.NOOP;

        private Builder() {
        }

        /**
         * The API's address; when not set (or set to {@code null}), {@value #BASE_URL_ENV_VAR} is read at
         * {@link #build()}, else {@code https://api.foxapi.cc}. Plain http only to loopback unless
         * {@link #allowInsecureHttp(boolean)}.
         */
        public Builder baseUrl(URI baseUrl) { this.baseUrl = baseUrl; this.baseUrlSource = null; return this; }

        /** The API's address as text; {@code null} means not set here (see {@link #baseUrl(URI)}). */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(baseUrl == null ? null : parse(baseUrl.strip(), "baseUrl"));
        }

        /**
         * The API key; {@code null} means not set here: {@value ApiKey#ENV_VAR} is read at
         * {@link #build()}, and a call that needs a key and has none fails saying how to set one.
         */
        public Builder apiKey(ApiKey apiKey) { this.apiKey = apiKey; return this; }

        /**
         * The API key as text ({@code sk-...}); {@code null} means not set here (so
         * {@code apiKey(System.getenv("FOXAPI_API_KEY"))} is fine where the variable is unset).
         *
         * @throws IllegalArgumentException for an empty key, or one with spaces or control characters
         */
        public Builder apiKey(String apiKey) { return apiKey(apiKey == null ? null : ApiKey.of(apiKey)); }

        /** Allows plain http to hosts that are not loopback (the key then travels unencrypted). Off by default. */
        public Builder allowInsecureHttp(boolean allow) { this.allowInsecureHttp = allow; return this; }

        /** The {@code User-Agent} header; default {@code vidgen-java/<version>}. */
        public Builder userAgent(String userAgent) { this.userAgent = userAgent; return this; }

        /** When and how fast calls are retried; default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) { this.retryPolicy = retryPolicy; return this; }

        /** The default timeout of one HTTP attempt; default 60 s. */
        public Builder attemptTimeout(Duration timeout) { this.attemptTimeout = timeout; return this; }

        /** The default timeout of one call, retries included; default 3 min. */
        public Builder callTimeout(Duration timeout) { this.callTimeout = timeout; return this; }

        /** The connect timeout of a transport the client creates; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.transportSettings = transportSettings.withConnectTimeout(positive(timeout, "connectTimeout"));
            return this;
        }

        /** Settings for a transport the client creates. */
        public Builder transportSettings(TransportSettings settings) { this.transportSettings = settings; return this; }

        /** Picks a transport provider by name ({@code apache}, {@code jdk}) instead of the highest priority one. */
        public Builder transportName(String name) { this.transportName = name; return this; }

        /** Which validation rules are in force; default all. */
        public Builder validationPolicy(ValidationPolicy policy) { this.validationPolicy = policy; return this; }

        /** Hears HTTP attempts, task events and calls (for example {@code vidgen-micrometer}'s); {@code null} means none. */
        public Builder observer(ClientObserver observer) { this.observer = observer; return this; }

        /** Where the key and the base URL are looked up when none is set (tests replace {@link System#getenv(String)}). */
        Builder environment(UnaryOperator<String> environment) { this.environment = Objects.requireNonNull(environment); return this; }

        /**
         * Builds the configuration.
         *
         * @throws IllegalArgumentException for a base URL that is not http(s), or plain http to a
         *         host that is not loopback without {@link #allowInsecureHttp(boolean)}
         */
        public ClientConfig build() {
            return new ClientConfig(this);
        }
    }
}
