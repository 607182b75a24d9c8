package dev.vidgen.client.http;

import dev.vidgen.client.protocol.FoxApiCodec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.AuthenticationException;
import dev.vidgen.client.error.InsufficientQuotaException;
import dev.vidgen.client.error.InvalidRequestException;
import dev.vidgen.client.error.MalformedResponseException;
import dev.vidgen.client.error.RateLimitException;
import dev.vidgen.client.error.ServerException;
import dev.vidgen.client.error.ServiceUnavailableException;
import dev.vidgen.client.error.TaskNotFoundException;
import dev.vidgen.client.error.TransportIoException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.client.support.RecordingTransport;
import dev.vidgen.client.support.RecordingTransport.Exchange;
import dev.vidgen.client.support.Seeds;
import dev.vidgen.client.support.TestFamilies;
import dev.vidgen.fake.time.VirtualTime;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.TaskSubmissionPort.Futures;
import dev.vidgen.ports.http.TransportException.Kind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class FoxApiTaskPortTest {

    static final String KEY = "sk-test-Zq81KEYNEVERSHOWN";
    static final TaskId ID = TaskId.of("task-unified-1757165031-uyujaw3d");
    static final String TASK_JSON = "{\"id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"pending\",\"progress\":0,"
            + "\"task_info\":{\"estimated_time\":45}}";
    static final String ERROR_JSON = "{\"error\":{\"message\":\"nope\",\"type\":\"some_error\"}}";

    /** With random = 0.5 and 20% jitter the default backoffs are 450, 900 and 1800 ms. */
    static final Duration B1 = Duration.ofMillis(450);
    static final Duration B2 = Duration.ofMillis(900);
    static final Duration B3 = Duration.ofMillis(1800);

    final VirtualTime clock = new VirtualTime();
    final RecordingTransport transport = new RecordingTransport(clock);
    final FoxApiCodec codec = new FoxApiCodec(TestFamilies.catalog());
    Instant t0;

    FoxApiTaskPort port(ClientConfig.Builder config) {
        return new FoxApiTaskPort(transport, codec, clock, config.apiKey(KEY).build(), () -> 0.5);
    }

    FoxApiTaskPort port() {
        return port(ClientConfig.builder());
    }

    @BeforeEach
    void start() {
        t0 = clock.now();
    }

    static Throwable failure(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    List<Duration> sendTimes() {
        return transport.exchanges().stream().map(e -> Duration.between(t0, e.sentAt())).toList();
    }

    @Nested
    class Wire {
        @Test
        void submitPostsTheJsonWithAuthContentTypeAndUserAgent() {
            transport.thenRespond(200, TASK_JSON);
            VideoTask task = Futures.join(port().submitAsync(Seeds.veo(), CallSettings.DEFAULTS));

            assertThat(task.id()).isEqualTo(ID);
            Exchange x = transport.last();
            assertThat(x.request().method()).isEqualTo("POST");
            assertThat(x.request().uri()).isEqualTo(URI.create("https://api.foxapi.cc/v1/videos/generations"));
            assertThat(x.request().header("Authorization")).contains("Bearer " + KEY);
            assertThat(x.request().header("Content-Type")).contains("application/json");
            assertThat(x.request().header("User-Agent")).contains("vidgen-java/" + ClientConfig.VERSION);
            assertThat(ClientConfig.VERSION).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(x.body()).isEqualTo(Seeds.VEO_JSON);
            assertThat(x.request().timeout()).isEqualTo(Duration.ofSeconds(60));
        }

        @Test
        void fetchGetsTheTaskWithAndWithoutSyncUpstream() {
            transport.thenRespond(200, TASK_JSON).thenRespond(200, TASK_JSON);
            FoxApiTaskPort port = port();
            Futures.join(port.fetchAsync(ID, CallSettings.DEFAULTS));
            Futures.join(port.fetchAsync(ID, new CallSettings(null, null, true)));

            List<Exchange> xs = transport.exchanges();
            assertThat(xs.get(0).request().method()).isEqualTo("GET");
            assertThat(xs.get(0).request().uri()).isEqualTo(URI.create("https://api.foxapi.cc/v1/tasks/task-unified-1757165031-uyujaw3d"));
            assertThat(xs.get(0).request().body()).isEmpty();
            assertThat(xs.get(0).request().header("Content-Type")).isEmpty();
            assertThat(xs.get(0).request().header("Authorization")).contains("Bearer " + KEY);
            assertThat(xs.get(1).request().uri().toString()).endsWith("/v1/tasks/task-unified-1757165031-uyujaw3d?sync_upstream=true");
        }

        @Test
        void aBaseUrlWithAPathKeepsIt() {
            transport.thenRespond(200, TASK_JSON);
            Futures.join(port(ClientConfig.builder().baseUrl("https://gw.example/foxapi/")).fetchAsync(ID, CallSettings.DEFAULTS));
            assertThat(transport.last().request().uri()).isEqualTo(URI.create("https://gw.example/foxapi/v1/tasks/" + ID));
        }

        @Test
        void aSubmitAnswered404IsAWrongBaseUrlNotAMissingTask() {
            transport.thenRespond(404, "not here");
            assertThatThrownBy(() -> Futures.join(port().submitAsync(Seeds.kling(), CallSettings.DEFAULTS)))
                    .isExactlyInstanceOf(ApiException.class).hasMessageContaining("check the base URL");
        }

        @Test
        void aRedirectIsNotFollowedNorRetried() {
            transport.thenRespond(302, "", "Location", "https://elsewhere.example/v1/tasks/x");
            assertThatThrownBy(() -> Futures.join(port().fetchAsync(ID, CallSettings.DEFAULTS)))
                    .isExactlyInstanceOf(ApiException.class)
                    .hasMessageContaining("redirect to https://elsewhere.example/v1/tasks/x")
                    .hasMessageContaining("does not follow redirects");
            assertThat(transport.count()).isEqualTo(1);
        }
    }

    @Nested
    class QueryRetries {
        @ParameterizedTest
        @ValueSource(ints = {429, 500, 502, 503, 504})
        void retriedAfterTheBackoff(int status) {
            transport.thenRespond(status, ERROR_JSON).thenRespond(200, TASK_JSON);
            CompletableFuture<VideoTask> f = port().fetchAsync(ID, CallSettings.DEFAULTS);
            assertThat(f).isNotDone();
            assertThat(transport.count()).isEqualTo(1);

            clock.advance(B1.minusMillis(1));
            assertThat(transport.count()).isEqualTo(1);
            clock.advance(Duration.ofMillis(1));
            assertThat(f).isCompleted();
            assertThat(sendTimes()).containsExactly(Duration.ZERO, B1);
        }

        @ParameterizedTest
        @EnumSource(Kind.class)
        void transportErrorsOfEveryKindAreRetried(Kind kind) {
            transport.thenFail(kind).thenRespond(200, TASK_JSON);
            CompletableFuture<VideoTask> f = port().fetchAsync(ID, CallSettings.DEFAULTS);
            clock.advance(B1);
            assertThat(f.join().id()).isEqualTo(ID);
            assertThat(transport.count()).isEqualTo(2);
        }

        @Test
        void boundedAttemptsWithExponentialBackoff() {
            transport.otherwiseRespond(503, ERROR_JSON);
            CompletableFuture<VideoTask> f = port().fetchAsync(ID, CallSettings.DEFAULTS);
            clock.advance(Duration.ofMinutes(1));
            assertThat(failure(f)).isInstanceOf(ServiceUnavailableException.class);
            assertThat(sendTimes()).containsExactly(Duration.ZERO, B1, B1.plus(B2), B1.plus(B2).plus(B3));
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 402, 404, 422, 501})
        void otherStatusesAreNotRetried(int status) {
            transport.otherwiseRespond(status, ERROR_JSON);
            CompletableFuture<VideoTask> f = port().fetchAsync(ID, CallSettings.DEFAULTS);
            clock.advance(Duration.ofMinutes(1));
            Throwable e = failure(f);
            assertThat(e).isInstanceOf(ApiException.class);
            assertThat(((ApiException) e).httpStatus()).isEqualTo(status);
            assertThat(((VidgenException) e).taskMayHaveBeenCreated()).isFalse();
            assertThat(transport.count()).isEqualTo(1);
        }

        @Test
        void theErrorTableArrivesTyped() {
            FoxApiTaskPort port = port();
            transport.thenRespond(401, ERROR_JSON).thenRespond(402, ERROR_JSON).thenRespond(404, ERROR_JSON)
                    .thenRespond(422, "{\"error\":{\"message\":\"m\",\"type\":\"invalid_request_error\",\"code\":\"model_not_supported\"}}");
            assertThatThrownBy(() -> Futures.join(port.fetchAsync(ID, CallSettings.DEFAULTS))).isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> Futures.join(port.fetchAsync(ID, CallSettings.DEFAULTS))).isInstanceOf(InsufficientQuotaException.class);
            assertThatThrownBy(() -> Futures.join(port.fetchAsync(ID, CallSettings.DEFAULTS))).isInstanceOf(TaskNotFoundException.class);
            assertThatThrownBy(() -> Futures.join(port.fetchAsync(ID, CallSettings.DEFAULTS))).isInstanceOf(InvalidRequestException.class)
                    .extracting(e -> ((ApiException) e).errorCode()).isEqualTo("model_not_supported");
        }

        @Test
        void aMalformedAnswerToAQueryIsRetriedLikeAnIoErrorThenReported() {
            // a query is idempotent: a garbled answer (a proxy hiccup, a body cut short) is worth asking again, within the attempts
            transport.otherwiseRespond(200, "{\"id\":\"task-unified-1757165031-uyu");
            CompletableFuture<VideoTask> f = port().fetchAsync(ID, CallSettings.DEFAULTS);
            clock.advance(Duration.ofMinutes(1));
            assertThat(failure(f)).isInstanceOf(MalformedResponseException.class)
                    .satisfies(e -> assertThat(((VidgenException) e).taskMayHaveBeenCreated()).isFalse());
            assertThat(transport.count()).isEqualTo(RetryPolicy.defaults().maxAttempts());
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"status\":\"pending\"}", "{\"id\":\"task-unified-1757165031-uyujaw3d\"}",
                "{\"id\":\"task-unified-1757165031-uyujaw3d\",\"status\":7}", "[1,2]"})
        void aWellFormedAnswerWithoutWhatIsRequiredIsNotAskedAgain(String body) {
            // the same question gets the same answer: retrying a deterministic protocol error only wastes time
            transport.otherwiseRespond(200, body);
            CompletableFuture<VideoTask> f = port().fetchAsync(ID, CallSettings.DEFAULTS);
            clock.advance(Duration.ofMinutes(1));
            assertThat(failure(f)).isInstanceOf(MalformedResponseException.class);
            assertThat(transport.count()).isEqualTo(1);
        }

        @Test
        void anAnswerForAnotherTaskIsRefusedAndNotAskedAgain() {
            transport.otherwiseRespond(200, TASK_JSON.replace("uyujaw3d", "otherone"));
            CompletableFuture<VideoTask> f = port().fetchAsync(ID, CallSettings.DEFAULTS);
            clock.advance(Duration.ofMinutes(1));
            assertThat(failure(f)).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("asked for task " + ID).hasMessageContaining("task-unified-1757165031-otherone");
            assertThat(transport.count()).isEqualTo(1);
        }
    }

    @Nested
    class SubmitRetries {
        @ParameterizedTest
        @ValueSource(ints = {429, 503})
        void retriedWhenTheServerSaysNoTaskWasCreated(int status) {
            transport.thenRespond(status, ERROR_JSON).thenRespond(200, TASK_JSON);
            CompletableFuture<VideoTask> f = port().submitAsync(Seeds.veo(), CallSettings.DEFAULTS);
            clock.advance(B1);
            assertThat(f.join().id()).isEqualTo(ID);
            assertThat(sendTimes()).containsExactly(Duration.ZERO, B1);
            assertThat(transport.exchanges()).extracting(Exchange::body).containsOnly(Seeds.VEO_JSON);
        }

        @Test
        void retriedWhenTheConnectionWasNeverMade() {
            transport.thenFail(Kind.CONNECT).thenFail(Kind.CONNECT).thenRespond(200, TASK_JSON);
            CompletableFuture<VideoTask> f = port().submitAsync(Seeds.veo(), CallSettings.DEFAULTS);
            clock.advance(B1.plus(B2));
            assertThat(f.join().id()).isEqualTo(ID);
            assertThat(transport.count()).isEqualTo(3);
        }

        @Test
        void exhaustedSafeRetriesSayNoTaskWasCreated() {
            transport.otherwiseRespond(429, ERROR_JSON);
            CompletableFuture<VideoTask> f = port().submitAsync(Seeds.veo(), CallSettings.DEFAULTS);
            clock.advance(Duration.ofMinutes(1));
            assertThat(failure(f)).isInstanceOf(RateLimitException.class)
                    .satisfies(e -> assertThat(((VidgenException) e).taskMayHaveBeenCreated()).isFalse());
            assertThat(transport.count()).isEqualTo(4);
        }

        @ParameterizedTest
        @ValueSource(ints = {500, 502, 504})
        void neverRetriedAfterAServerErrorAndTheTaskMayExist(int status) {
            transport.otherwiseRespond(status, ERROR_JSON);
            CompletableFuture<VideoTask> f = port().submitAsync(Seeds.veo(), CallSettings.DEFAULTS);
            clock.advance(Duration.ofMinutes(1));
            assertThat(failure(f)).isInstanceOf(ServerException.class)
                    .satisfies(e -> assertThat(((VidgenException) e).taskMayHaveBeenCreated()).isTrue());
            assertThat(transport.count()).isEqualTo(1);
        }

        @ParameterizedTest
        @EnumSource(value = Kind.class, names = {"TIMEOUT", "IO"})
        void neverRetriedAfterATimeoutOrAResetAndTheTaskMayExist(Kind kind) {
            transport.otherwiseRespond(200, TASK_JSON).thenFail(kind);
            CompletableFuture<VideoTask> f = port().submitAsync(Seeds.veo(), CallSettings.DEFAULTS);
            clock.advance(Duration.ofMinutes(1));
            assertThat(failure(f)).isInstanceOf(TransportIoException.class)
                    .hasMessageContaining("a task may have been created")
                    .satisfies(e -> assertThat(((VidgenException) e).taskMayHaveBeenCreated()).isTrue());
            assertThat(transport.count()).isEqualTo(1);
        }

        @Test
        void neverRetriedAfterAMalformedSuccess() {
            transport.otherwiseRespond(200, "<html>ok</html>");
            CompletableFuture<VideoTask> f = port().submitAsync(Seeds.veo(), CallSettings.DEFAULTS);
            clock.advance(Duration.ofMinutes(1));
            assertThat(failure(f)).isInstanceOf(MalformedResponseException.class)
                    .satisfies(e -> assertThat(((VidgenException) e).taskMayHaveBeenCreated()).isTrue());
            assertThat(transport.count()).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 402, 422})
        void clientErrorsAreNotRetriedAndCreatedNoTask(int status) {
            transport.otherwiseRespond(status, ERROR_JSON);
            CompletableFuture<VideoTask> f = port().submitAsync(Seeds.veo(), CallSettings.DEFAULTS);
            clock.advance(Duration.ofMinutes(1));
            assertThat(((VidgenException) failure(f)).taskMayHaveBeenCreated()).isFalse();
            assertThat(transport.count()).isEqualTo(1);
        }

        @Test
        void theOptInRetriesAfterA500() {
            transport.thenRespond(500, ERROR_JSON).thenFail(Kind.TIMEOUT).thenRespond(200, TASK_JSON);
            CompletableFuture<VideoTask> f = port(ClientConfig.builder().retryPolicy(RetryPolicy.builder().retrySubmitWhenTaskMayExist(true).build()))
                    .submitAsync(Seeds.veo(), CallSettings.DEFAULTS);
            clock.advance(B1.plus(B2));
            assertThat(f.join().id()).isEqualTo(ID);
            assertThat(transport.count()).isEqualTo(3);
        }

        @Test
        void onceATaskMayExistEveryLaterFailureSaysSo() {
            transport.thenRespond(500, ERROR_JSON).otherwiseRespond(429, ERROR_JSON);
            CompletableFuture<VideoTask> f = port(ClientConfig.builder().retryPolicy(RetryPolicy.builder().retrySubmitWhenTaskMayExist(true).build()))
                    .submitAsync(Seeds.veo(), CallSettings.DEFAULTS);
            clock.advance(Duration.ofMinutes(1));
            assertThat(failure(f)).isInstanceOf(RateLimitException.class)
                    .satisfies(e -> assertThat(((VidgenException) e).taskMayHaveBeenCreated()).isTrue());
            assertThat(transport.count()).isEqualTo(4);
        }
    }

    @Nested
    class RetryAfterAndDeadlines {
        @Test
        void retryAfterSecondsReplacesTheBackoff() {
            transport.thenRespond(429, ERROR_JSON, "Retry-After", "3").thenRespond(200, TASK_JSON);
            CompletableFuture<VideoTask> f = port().fetchAsync(ID, CallSettings.DEFAULTS);
            clock.advance(Duration.ofMillis(2999));
            assertThat(transport.count()).isEqualTo(1);
            clock.advance(Duration.ofMillis(1));
            assertThat(f).isCompleted();
            assertThat(sendTimes()).containsExactly(Duration.ZERO, Duration.ofSeconds(3));
        }

        @Test
        void retryAfterAnHttpDateIsHonoured() {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(t0.plusSeconds(5).atOffset(ZoneOffset.UTC));
            transport.thenRespond(503, ERROR_JSON, "Retry-After", date).thenRespond(200, TASK_JSON);
            CompletableFuture<VideoTask> f = port().submitAsync(Seeds.veo(), CallSettings.DEFAULTS);
            clock.advance(Duration.ofSeconds(5));
            assertThat(f).isCompleted();
            assertThat(sendTimes()).containsExactly(Duration.ZERO, Duration.ofSeconds(5));
        }

        @Test
        void aRetryAfterBeyondTheDeadlineEndsTheCallAtOnceAndIsReported() {
            transport.thenRespond(429, ERROR_JSON, "Retry-After", "30").otherwiseRespond(200, TASK_JSON);
            CompletableFuture<VideoTask> f = port().fetchAsync(ID, new CallSettings(null, Duration.ofSeconds(10), false));
            assertThat(failure(f)).isInstanceOf(RateLimitException.class)
                    .satisfies(e -> assertThat(((ApiException) e).retryAfter()).contains(Duration.ofSeconds(30)));
            assertThat(transport.count()).isEqualTo(1);
            assertThat(clock.pendingTasks()).isZero();
        }

        @Test
        void noRetryIsScheduledPastTheCallDeadline() {
            transport.otherwiseRespond(503, ERROR_JSON);
            CompletableFuture<VideoTask> f = port().fetchAsync(ID, new CallSettings(null, Duration.ofSeconds(2), false));
            clock.advance(Duration.ofMinutes(1));
            assertThat(failure(f)).isInstanceOf(ServiceUnavailableException.class);
            assertThat(sendTimes()).containsExactly(Duration.ZERO, B1, B1.plus(B2)); // the next would be at 3.15 s
        }

        @Test
        void eachAttemptGetsTheSmallerOfItsTimeoutAndTheTimeLeft() {
            transport.thenRespond(503, ERROR_JSON).thenRespond(200, TASK_JSON);
            port().fetchAsync(ID, new CallSettings(Duration.ofSeconds(5), Duration.ofSeconds(3), false));
            clock.advance(B1);
            assertThat(transport.exchanges()).extracting(x -> x.request().timeout())
                    .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3).minus(B1));
        }

        @Test
        void clientDefaultsApplyWhenTheCallSetsNone() {
            transport.thenRespond(200, TASK_JSON);
            Futures.join(port(ClientConfig.builder().attemptTimeout(Duration.ofSeconds(7))).fetchAsync(ID, CallSettings.DEFAULTS));
            assertThat(transport.last().request().timeout()).isEqualTo(Duration.ofSeconds(7));
        }

        @Test
        void aServerThatNeverAnswersIsCutOffAtTheCallDeadline() {
            transport.thenHang();
            CompletableFuture<VideoTask> f = port().submitAsync(Seeds.veo(), new CallSettings(null, Duration.ofSeconds(5), false));
            clock.advance(Duration.ofMillis(4999));
            assertThat(f).isNotDone();
            clock.advance(Duration.ofMillis(1));
            assertThat(failure(f)).isInstanceOf(TransportIoException.class)
                    .hasMessageContaining("did not finish within the call timeout of PT5S")
                    .satisfies(e -> assertThat(((VidgenException) e).taskMayHaveBeenCreated()).isTrue());
            assertThat(transport.last().future()).isCancelled();
        }

        @Test
        void cancellingTheCallCancelsTheExchangeAndThePendingRetry() {
            transport.thenRespond(503, ERROR_JSON).thenHang();
            CompletableFuture<VideoTask> f = port().fetchAsync(ID, CallSettings.DEFAULTS);
            f.cancel(true);
            clock.advance(Duration.ofMinutes(5));
            assertThat(transport.count()).isEqualTo(1);
            assertThat(clock.pendingTasks()).isZero();

            CompletableFuture<VideoTask> g = port().fetchAsync(ID, CallSettings.DEFAULTS);
            g.cancel(true);
            assertThat(transport.last().future()).isCancelled();
        }
    }

    @Nested
    class Secrecy {
        private final Logger logger = (Logger) LoggerFactory.getLogger(FoxApiTaskPort.class);
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        @BeforeEach
        void capture() {
            appender.start();
            logger.addAppender(appender);
            logger.setLevel(Level.DEBUG);
        }

        @AfterEach
        void release() {
            logger.detachAppender(appender);
            logger.setLevel(null);
        }

        @Test
        void oneDebugLinePerAttemptWithMethodPathStatusAttemptLatencyAndAllowedHeadersOnly() {
            transport.thenRespondAfter(Duration.ofMillis(120), 503, ERROR_JSON, "Retry-After", "1", "Set-Cookie", "session=abc", "X-Request-Id", "r-1")
                    .thenRespond(200, TASK_JSON);
            CompletableFuture<VideoTask> f = port().fetchAsync(ID, CallSettings.DEFAULTS);
            clock.advance(Duration.ofSeconds(2));
            assertThat(f).isCompleted();

            List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).startsWith("GET /v1/tasks/" + ID + " -> 503 (attempt 1/4, 120 ms)")
                    .contains("Retry-After=1", "X-Request-Id=r-1", "retry in 1000 ms").doesNotContain("session", "Set-Cookie");
            assertThat(lines.get(1)).startsWith("GET /v1/tasks/" + ID + " -> 200 (attempt 2/4, 0 ms)");
            assertThat(appender.list).allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.DEBUG));
        }

        @Test
        void theKeyIsInNoLogLineAndNoMessageEvenWhenTheServerEchoesIt() {
            transport.thenRespond(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"type\":\"authentication_error\"}}");
            Throwable e = failure(port().fetchAsync(ID, CallSettings.DEFAULTS));
            assertThat(e).isInstanceOf(AuthenticationException.class);
            assertThat(e.getMessage()).doesNotContain(KEY).contains("Incorrect API key provided: ***");
            assertThat(((ApiException) e).rawBody()).doesNotContain(KEY);
            assertThat(((ApiException) e).serverMessage()).doesNotContain(KEY);
            assertThat(appender.list).isNotEmpty().allSatisfy(l -> assertThat(l.getFormattedMessage()).doesNotContain(KEY));
            assertThat(transport.last().request().toString()).doesNotContain(KEY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"json-escaped", "url-encoded", "base64-bearer", "raw-in-task"})
        void theKeyIsMaskedInEveryFormTheServerMayEchoIt(String form) {
            String echoed = switch (form) {
                case "json-escaped" -> KEY.replace("-", "\\u002d");
                case "url-encoded" -> KEY.replace("-", "%2D");
                case "base64-bearer" -> java.util.Base64.getEncoder().encodeToString(("Bearer " + KEY).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                default -> KEY;
            };
            if (form.equals("raw-in-task")) {
                transport.thenRespond(200, "{\"id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"failed\","
                        + "\"error\":{\"code\":\"x\",\"message\":\"key " + echoed + "\"}}");
                VideoTask t = Futures.join(port().fetchAsync(ID, CallSettings.DEFAULTS));
                assertThat(new dev.vidgen.client.error.TaskFailedException(t).getMessage()).doesNotContain(KEY).contains("key ***");
                return;
            }
            transport.thenRespond(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + echoed + "\",\"type\":\"authentication_error\"}}");
            Throwable e = failure(port().fetchAsync(ID, CallSettings.DEFAULTS));
            assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain(echoed).contains("Incorrect API key provided: ***");
            assertThat(((ApiException) e).rawBody()).doesNotContain(echoed);
        }

        @Test
        void whatTheServerWroteIsQuotedEscaped() {
            transport.thenRespond(400, "{\"error\":{\"message\":\"\\u001b[2J\\r\\nerror: forged\",\"type\":\"x\"}}");
            Throwable e = failure(port().fetchAsync(ID, CallSettings.DEFAULTS));
            assertThat(e.getMessage()).doesNotContain("\u001b", "\r", "\n").contains("\\u001b[2J\\r\\nerror: forged");
        }

        @Test
        void thePromptIsNotLogged() {
            transport.thenRespond(200, TASK_JSON);
            Futures.join(port().submitAsync(Seeds.veo(), CallSettings.DEFAULTS));
            assertThat(appender.list).hasSize(1)
                    .allSatisfy(l -> assertThat(l.getFormattedMessage()).doesNotContain("garden").startsWith("POST /v1/videos/generations -> 200"));
        }
    }
}
