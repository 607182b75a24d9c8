package dev.vidgen.spring;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The 'vidgen.*' properties of the auto-configured 'VideoClient'. Unset values take the
 * client's defaults (see 'ClientConfig').
 *
 * @param apiKey            the API key ('sk-...'); when unset, 'FOXAPI_API_KEY' is read
 * @param baseUrl           the API's address; when unset, 'FOXAPI_BASE_URL' is read, else 'https://api.foxapi.cc'
 * @param allowInsecureHttp allow plain http to a host that is not loopback (the key then travels unencrypted)
 * @param transport         the HTTP transport, 'apache' or 'jdk'; when unset, the adapter on the
 *                          classpath with the highest priority (Apache HttpClient 5 over the JDK client)
 * @param connectTimeout    how long a connection may take to open (default 10s)
 * @param attemptTimeout    how long one HTTP attempt may wait for its answer (default 60s)
 * @param callTimeout       how long one call may take, retries and backoff included (default 3m)
 * @param retry             when and how fast calls are retried
 * @param polling           the bounds of the injectable 'AwaitOptions' bean
 * @param validation        which validation rules are in force
 */
@ConfigurationProperties("vidgen")
public record VidgenProperties(
        String apiKey,
        String baseUrl,
        @DefaultValue("false") boolean allowInsecureHttp,
        String transport,
        Duration connectTimeout,
        Duration attemptTimeout,
        Duration callTimeout,
        @DefaultValue Retry retry,
        @DefaultValue Polling polling,
        @DefaultValue Validation validation) {

    /**
     * Retry settings ('vidgen.retry.*'); unset values take 'RetryPolicy.defaults()'.
     *
     * @param maxAttempts                 the most attempts a call makes (default 4)
     * @param initialBackoff              the wait before the first retry (default 500ms)
     * @param maxBackoff                  the longest wait between attempts (default 8s)
     * @param multiplier                  how much the wait grows per retry (default 2.0)
     * @param jitter                      the share of each wait that is randomised, 0 to 1 (default 0.2)
     * @param retrySubmitWhenTaskMayExist also retry a submit that may have created a task (may create a second, paid task)
     */
    public record Retry(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff, Double multiplier, Double jitter,
                        @DefaultValue("false") boolean retrySubmitWhenTaskMayExist) {
    }

    /**
     * Polling bounds ('vidgen.polling.*') of the 'AwaitOptions' bean; unset values take
     * 'AwaitOptions.defaults()'.
     *
     * @param minInterval the shortest time between two polls
     * @param maxInterval the longest time between two polls
     * @param timeout     how long a wait may take in total
     */
    public record Polling(Duration minInterval, Duration maxInterval, Duration timeout) {
    }

    /**
     * Validation policy ('vidgen.validation.*').
     *
     * @param disabledRules ids of upstream rules to switch off, for example 'veo.duration.allowed'
     */
    public record Validation(@DefaultValue List<String> disabledRules) {
    }
}
