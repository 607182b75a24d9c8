package dev.vidgen.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.client.VideoClient;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.fake.server.FakeVideoApi;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeVideoApiExtensionTest {

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerClass {

        @RegisterExtension
        static final FakeVideoApiExtension FAKE = FakeVideoApiExtension.create(b -> b.apiKeys("sk-configured"));

        private static final Set<Integer> PORTS = new HashSet<>();
        private static FakeVideoApi seen;

        @Test
        @Order(1)
        void startsConfiguredOnAFreeLoopbackPortAndInjects(FakeVideoApi api) throws Exception {
            assertThat(api).isSameAs(FAKE.api());
            assertThat(FAKE.apiKey()).isEqualTo("sk-configured");
            assertThat(FAKE.baseUrl().getHost()).isEqualTo("127.0.0.1");
            submitOne(api);
            assertThat(api.submitCount()).isEqualTo(1);
            PORTS.add(api.port());
            seen = api;
        }

        @Test
        @Order(2)
        void isTheSameServerResetBetweenTests(FakeVideoApi api) {
            assertThat(api).isSameAs(seen);
            assertThat(api.submitCount()).isZero();
            assertThat(api.createdTaskIds()).isEmpty();
            PORTS.add(api.port());
            assertThat(PORTS).hasSize(1);
        }
    }

    @Nested
    class PerTest {

        @RegisterExtension
        final FakeVideoApiExtension fake = FakeVideoApiExtension.create(b -> b.taskDuration(Duration.ofSeconds(1)));

        @Test
        void startsAFreshServerForTheTest(FakeVideoApi api) throws Exception {
            assertThat(api.createdTaskIds()).isEmpty();
            assertThat(submitOne(api).status()).isEqualTo(TaskStatus.PENDING);
            assertThat(api.submitCount()).isEqualTo(1);
        }
    }

    @Test
    void outsideATestItSaysSo() {
        FakeVideoApiExtension idle = FakeVideoApiExtension.create();
        assertThatThrownBy(idle::api).isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
    }

    /** One real HTTP submit through the client (the test transport of this module's tests). */
    private static dev.vidgen.domain.task.VideoTask submitOne(FakeVideoApi api) {
        try (VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).allowInsecureHttp(true).build()) {
            return client.submit(KlingReferenceRequest.builder().prompt("city street at night in the rain").build());
        }
    }
}
