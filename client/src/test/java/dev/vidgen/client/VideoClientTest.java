package dev.vidgen.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.client.support.RecordingTransport;
import dev.vidgen.client.support.Seeds;
import dev.vidgen.client.support.TestFamilies;
import dev.vidgen.client.support.TestFamilies.MotionStyle;
import dev.vidgen.client.support.TestFamilies.PikaRequest;
import dev.vidgen.fake.time.VirtualTime;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.kling.KlingMode;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.ports.http.TransportSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoClientTest {

    static final String KEY = "sk-live-9fQ2SECRETSECRET";
    static final String SUBMITTED = "{\"id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"pending\",\"progress\":0,"
            + "\"task_info\":{\"can_cancel\":true,\"estimated_time\":45},\"type\":\"video\"}";
    static final String COMPLETED = "{\"id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"completed\",\"progress\":100,"
            + "\"results\":[{\"url\":\"https://cdn.example/video.mp4\"}]}";

    final VirtualTime clock = new VirtualTime();
    final RecordingTransport transport = new RecordingTransport(clock);

    VideoClientBuilder builder() {
        return VideoClient.builder().apiKey(KEY).transport(transport).scheduler(clock).environment(name -> null);
    }

    static VeoReferenceRequest veo() {
        return Seeds.veo();
    }

    @Nested
    class ValidationFirst {
        @Test
        void anInvalidRequestListsEveryViolationAndSendsNothing() {
            VeoReferenceRequest bad = VeoReferenceRequest.builder(VeoModel.FAST).prompt(" ")
                    .referenceImage("ftp://example.com/a.png").duration(6).enhancePrompt(true).build();
            try (VideoClient client = builder().build()) {
                RequestValidationException e = catchThrowableOfType(RequestValidationException.class, () -> client.submit(bad));
                assertThat(e.violations()).extracting(Violation::ruleId).contains("veo.prompt.required", "url.absolute-http",
                        "veo.duration.fixed", "veo.variant.enhance-prompt");
                assertThat(e.violations().size()).isGreaterThanOrEqualTo(4);
                assertThat(e.taskMayHaveBeenCreated()).isFalse();

                CompletableFuture<VideoTask> async = client.submitAsync(bad);
                assertThat(async).isCompletedExceptionally();
                assertThatThrownBy(async::join).hasCauseInstanceOf(RequestValidationException.class);
                assertThatThrownBy(() -> client.submitAndAwait(bad)).isInstanceOf(RequestValidationException.class);
            }
            assertThat(transport.count()).isZero();
        }

        @Test
        void aNullRequestIsAViolationNotAnNpe() {
            try (VideoClient client = builder().build()) {
                assertThatThrownBy(() -> client.submit(null)).isInstanceOf(RequestValidationException.class)
                        .hasMessageContaining("request.required");
            }
            assertThat(transport.count()).isZero();
        }

        @Test
        void theValidationPolicySwitchesOffAnUpstreamRule() {
            KlingReferenceRequest longPrompt = KlingReferenceRequest.builder().prompt("x".repeat(2600)).build();
            try (VideoClient strict = builder().build();
                 VideoClient lenient = builder().validationPolicy(new ValidationPolicy(Set.of("kling.prompt.length"))).build()) {
                assertThat(strict.validate(longPrompt)).extracting(Violation::ruleId).containsExactly("kling.prompt.length");
                assertThat(lenient.validate(longPrompt)).isEmpty();
            }
        }

        @Test
        void aModelNoFamilyKnowsIsRefusedUntilItsFamilyIsAdded() {
            PikaRequest pika = new PikaRequest("waves", MotionStyle.CALM, null, null);
            try (VideoClient client = builder().build()) {
                assertThat(client.validate(pika)).extracting(Violation::ruleId).containsExactly(VideoClient.RULE_MODEL_REGISTERED);
                assertThatThrownBy(() -> client.submit(pika)).isInstanceOf(RequestValidationException.class)
                        .hasMessageContaining("addFamily");
            }
            assertThat(transport.count()).isZero();

            transport.thenRespond(200, SUBMITTED);
            try (VideoClient client = builder().addFamily(new TestFamilies.Pika()).build()) {
                assertThat(client.models().modelIds()).contains("pika-2.2", "kling-o3-ref", "veo-3.1-reference-to-video");
                client.submit(pika);
            }
            assertThat(transport.last().body()).isEqualTo("{\"model\":\"pika-2.2\",\"prompt\":\"waves\",\"motion_style\":\"calm\"}");
        }

        @Test
        void aDecodedBodyIsValidatedWithTheSameRules() {
            try (VideoClient client = builder().build()) {
                FoxApiCodec codec = new FoxApiCodec(client.models());
                VideoRequest r = codec.decodeRequest(("{\"model\":\"veo-3.1-reference-to-video\",\"prompt\":\"x\","
                        + "\"reference_image_urls\":[\"not a url\"]}").getBytes(StandardCharsets.UTF_8));
                assertThat(client.validate(r)).extracting(Violation::ruleId, Violation::path)
                        .containsExactly(org.assertj.core.api.Assertions.tuple("url.absolute-http", "referenceImageUrls[0]"));
            }
        }
    }

    @Nested
    class Calls {
        @Test
        void submitSendsTheSeedJson() {
            transport.thenRespond(200, SUBMITTED);
            try (VideoClient client = builder().build()) {
                VideoTask task = client.submit(KlingReferenceRequest.builder().prompt("a rainy street").mode(KlingMode.PRO).duration(5).build());
                assertThat(task.status().state()).isEqualTo(TaskState.PENDING);
                assertThat(task.estimatedTime()).isEqualTo(Duration.ofSeconds(45));
            }
            assertThat(transport.last().body()).isEqualTo("{\"model\":\"kling-o3-ref\",\"prompt\":\"a rainy street\",\"mode\":\"pro\",\"duration\":5}");
        }

        @Test
        void perCallOptionsReachTheWire() {
            transport.thenRespond(200, COMPLETED);
            try (VideoClient client = builder().attemptTimeout(Duration.ofSeconds(9)).build()) {
                client.get(TaskId.of("task-unified-1757165031-uyujaw3d"), CallOptions.builder().syncUpstream(true).build());
            }
            assertThat(transport.last().request().uri().getQuery()).isEqualTo("sync_upstream=true");
            assertThat(transport.last().request().timeout()).isEqualTo(Duration.ofSeconds(9));
        }

        @Test
        void submitAndAwaitPollsInVirtualTimeAndDownloads(@TempDir Path dir) throws Exception {
            transport.thenRespond(200, SUBMITTED).thenRespond(200, COMPLETED).thenRespond(200, "MP4DATA");
            try (VideoClient client = builder().build()) {
                CompletableFuture<VideoTask> f = client.submitAndAwaitAsync(veo(), AwaitOptions.defaults());
                assertThat(transport.count()).isEqualTo(1);
                assertThat(f).isNotDone();
                clock.advance(Duration.ofMinutes(2));
                VideoTask done = f.join();
                assertThat(done.status().state()).isEqualTo(TaskState.COMPLETED);
                assertThat(transport.count()).isEqualTo(2);
                assertThat(transport.exchanges().get(1).sentAt()).isAfter(transport.exchanges().get(0).sentAt());

                Path file = client.download(done, 0, dir.resolve("out.mp4"));
                assertThat(Files.readString(file)).isEqualTo("MP4DATA");
                assertThat(transport.last().request().uri()).hasToString("https://cdn.example/video.mp4");
            }
        }

        @Test
        void aFailedTaskEndsTheWaitWithItsCode() {
            transport.thenRespond(200, SUBMITTED).otherwiseRespond(200, "{\"id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"failed\","
                    + "\"error\":{\"code\":\"generation_failed\",\"message\":\"m\",\"type\":\"task_error\"}}");
            try (VideoClient client = builder().build()) {
                CompletableFuture<VideoTask> f = client.submitAndAwaitAsync(veo(), AwaitOptions.defaults());
                clock.advance(Duration.ofMinutes(2));
                assertThatThrownBy(f::join).isInstanceOf(CompletionException.class).cause()
                        .isInstanceOf(TaskFailedException.class).hasMessageContaining("generation_failed");
            }
        }

        @Test
        void cancellingSubmitAndAwaitStopsThePolling() {
            transport.thenRespond(200, SUBMITTED).otherwiseRespond(200, SUBMITTED);
            try (VideoClient client = builder().build()) {
                CompletableFuture<VideoTask> f = client.submitAndAwaitAsync(veo(), AwaitOptions.defaults());
                clock.advance(Duration.ofMinutes(1));
                int polls = transport.count();
                assertThat(polls).isGreaterThan(1);
                f.cancel(true);
                clock.advance(Duration.ofMinutes(10));
                assertThat(transport.count()).isEqualTo(polls);
            }
        }

        @Test
        void aTaskPortReplacesHttpEntirely() {
            List<VideoRequest> seen = new ArrayList<>();
            TaskSubmissionPort fake = new TaskSubmissionPort() {
                @Override
                public CompletableFuture<VideoTask> submitAsync(VideoRequest request, CallSettings options) {
                    seen.add(request);
                    return CompletableFuture.completedFuture(new FoxApiCodec(TestFamilies.catalog())
                            .decodeTask(SUBMITTED.getBytes(StandardCharsets.UTF_8), clock.now()));
                }

                @Override
                public CompletableFuture<VideoTask> fetchAsync(TaskId id, CallSettings options) {
                    throw new UnsupportedOperationException();
                }
            };
            // no key and no transport needed with a fake port
            try (VideoClient client = VideoClient.builder().taskPort(fake).scheduler(clock).environment(n -> null)
                    .installedProviders(List::of).build()) {
                client.submit(veo());
            }
            assertThat(seen).containsExactly(veo());
        }
    }

    @Nested
    class Building {
        @Test
        void withATaskPortATransportIsCreatedOnlyWhenADownloadNeedsOne(@TempDir Path dir) throws Exception {
            StubProvider apache = new StubProvider("apache", 200, clock);
            TaskSubmissionPort unused = new TaskSubmissionPort() {
                @Override public CompletableFuture<VideoTask> submitAsync(VideoRequest r, CallSettings o) { throw new UnsupportedOperationException(); }
                @Override public CompletableFuture<VideoTask> fetchAsync(TaskId id, CallSettings o) { throw new UnsupportedOperationException(); }
            };
            VideoTask done = new FoxApiCodec(TestFamilies.catalog()).decodeTask(COMPLETED.getBytes(StandardCharsets.UTF_8), clock.now());
            VideoClient client = VideoClient.builder().taskPort(unused).scheduler(clock).environment(n -> null)
                    .installedProviders(() -> List.of(apache)).build();
            assertThat(apache.created).isEmpty();

            apache.script = t -> t.thenRespond(200, "VIDEO");
            client.download(done, 0, dir.resolve("a.mp4"));
            assertThat(Files.readString(dir.resolve("a.mp4"))).isEqualTo("VIDEO");
            assertThat(apache.created).hasSize(1);
            client.close();
            assertThat(apache.created.get(0).isClosed()).isTrue();
        }


        @Test
        void withoutAnyTransportTheErrorSaysWhichModuleToAdd() {
            // the client module's test classpath has no adapter, so the real ServiceLoader finds none
            assertThatThrownBy(() -> VideoClient.builder().apiKey(KEY).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no HTTP transport found")
                    .hasMessageContaining("vidgen-adapter-httpclient")
                    .hasMessageContaining("vidgen-adapter-jdk")
                    .hasMessageNotContaining(KEY);
        }

        @Test
        void theHighestPriorityProviderWinsUnlessOneIsNamed() {
            StubProvider jdk = new StubProvider("jdk", 100, clock);
            StubProvider apache = new StubProvider("apache", 200, clock);
            assertThat(VideoClientBuilder.choose(List.of(jdk, apache), null)).isSameAs(apache);
            assertThat(VideoClientBuilder.choose(List.of(apache, jdk), null)).isSameAs(apache);
            assertThat(VideoClientBuilder.choose(List.of(apache, jdk), "jdk")).isSameAs(jdk);
            assertThatThrownBy(() -> VideoClientBuilder.choose(List.of(apache, jdk), "okhttp"))
                    .hasMessage("no HTTP transport named 'okhttp'; found: apache, jdk");
        }

        @Test
        void aCreatedTransportIsOwnedAndClosedAGivenOneIsNot() {
            StubProvider apache = new StubProvider("apache", 200, clock);
            StubProvider jdk = new StubProvider("jdk", 100, clock);
            VideoClient client = VideoClient.builder().apiKey(KEY).scheduler(clock).environment(n -> null)
                    .installedProviders(() -> List.of(jdk, apache)).connectTimeout(Duration.ofSeconds(3)).build();
            assertThat(apache.created).hasSize(1);
            assertThat(jdk.created).isEmpty();
            assertThat(apache.settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            client.close();
            client.close();
            assertThat(apache.created.get(0).isClosed()).isTrue();
            assertThatThrownBy(() -> client.get(TaskId.of("task-unified-1-abcdefgh"))).hasMessageContaining("closed");

            builder().build().close();
            assertThat(transport.isClosed()).isFalse();
        }

        @Test
        void theNamedProviderIsUsed() {
            StubProvider apache = new StubProvider("apache", 200, clock);
            StubProvider jdk = new StubProvider("jdk", 100, clock);
            VideoClient.builder().apiKey(KEY).scheduler(clock).transportName("jdk")
                    .installedProviders(() -> List.of(apache, jdk)).build().close();
            assertThat(jdk.created).hasSize(1);
            assertThat(apache.created).isEmpty();
            assertThat(jdk.created.get(0).isClosed()).isTrue();
        }

        @Test
        void plainHttpToARemoteHostIsRefusedUnlessAllowed() {
            assertThatThrownBy(() -> builder().baseUrl("http://api.foxapi.cc").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("plain http to api.foxapi.cc is refused")
                    .hasMessageContaining("allowInsecureHttp(true)");
            for (String loopback : List.of("http://127.0.0.1:8080", "http://localhost:9000/", "http://[::1]:8080")) {
                builder().baseUrl(loopback).build().close();
            }
            builder().baseUrl("http://api.internal.example").allowInsecureHttp(true).build().close();
            assertThatThrownBy(() -> builder().baseUrl("ftp://api.foxapi.cc").build()).isInstanceOf(IllegalArgumentException.class);
            assertThat(transport.count()).isZero();
        }

        @Test
        void withoutAKeyTheErrorNamesTheEnvironmentVariable() {
            assertThatThrownBy(() -> VideoClient.builder().transport(transport).scheduler(clock).environment(n -> null).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("FOXAPI_API_KEY");
        }

        @Test
        void theKeyComesFromTheEnvironmentWhenNotSet() {
            transport.thenRespond(200, COMPLETED);
            Map<String, String> env = Map.of("FOXAPI_API_KEY", KEY);
            try (VideoClient client = VideoClient.builder().transport(transport).scheduler(clock).environment(env::get).build()) {
                client.get(TaskId.of("task-unified-1757165031-uyujaw3d"));
            }
            assertThat(transport.last().request().header("Authorization")).contains("Bearer " + KEY);
        }
    }

    @Nested
    class Secrecy {
        @Test
        void theKeyIsInNoToStringAndNoMessage() {
            ApiKey key = ApiKey.of(KEY);
            assertThat(key.toString()).doesNotContain(KEY).isEqualTo("ApiKey[***]");
            ClientConfig config = ClientConfig.builder().apiKey(KEY).build();
            assertThat(config.toString()).doesNotContain(KEY).contains("apiKey=ApiKey[***]");
            assertThat(config.apiKey()).contains(ApiKey.of(KEY));
            assertThatThrownBy(() -> ApiKey.of("sk-abc\r\nX-Evil: 1")).hasMessageNotContaining("sk-abc").hasMessageContaining("control");
            assertThatThrownBy(() -> ClientConfig.builder().environment(Map.of("FOXAPI_API_KEY", "sk-has space")::get).build())
                    .hasMessageContaining("FOXAPI_API_KEY").hasMessageNotContaining("sk-has");
        }
    }

    /** A transport provider that hands out recording transports and remembers them. */
    static final class StubProvider implements HttpTransportProvider {
        final String name;
        final int priority;
        final VirtualTime clock;
        final List<RecordingTransport> created = new ArrayList<>();
        TransportSettings settings;
        java.util.function.Consumer<RecordingTransport> script = t -> { };

        StubProvider(String name, int priority, VirtualTime clock) {
            this.name = name;
            this.priority = priority;
            this.clock = clock;
        }

        @Override public String name() { return name; }
        @Override public int priority() { return priority; }
        @Override public HttpTransport create(TransportSettings settings) {
            this.settings = settings;
            RecordingTransport t = new RecordingTransport(clock);
            script.accept(t);
            created.add(t);
            return t;
        }
    }
}
