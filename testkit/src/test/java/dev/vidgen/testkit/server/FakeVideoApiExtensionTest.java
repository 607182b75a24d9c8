package dev.vidgen.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            new Http(api).createTask(Bodies.KLING);
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
            assertThat(new Http(api).submit(Bodies.VEO).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void outsideATestItSaysSo() {
        FakeVideoApiExtension idle = FakeVideoApiExtension.create();
        assertThatThrownBy(idle::api).isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
    }
}
