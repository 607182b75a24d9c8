package dev.vidgen.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.domain.task.TaskId;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cached query URL is the very URL the quoting constructor builds, for every id. */
class EndpointsTest {

    @ParameterizedTest
    @ValueSource(strings = {"task-unified-1757165031-uyujaw3d", "A.b_c~9", "任务-1", "a%b", "a;b", "x\"y", "é"})
    void theQueryUrlIsWhatTheQuotingConstructorBuilds(String id) {
        for (String base : new String[] {"http://127.0.0.1:8080", "https://api.example.com/proxy/v 1"}) {
            Endpoints e = new Endpoints(URI.create(base.replace(" ", "%20")));
            for (boolean sync : new boolean[] {false, true}) {
                URI expected = e.endpoint(FoxApiTaskPort.TASKS_PATH + id, sync ? "sync_upstream=true" : null);
                assertThat(e.query(TaskId.of(id), sync)).as("%s under %s, sync %s", id, base, sync).isEqualTo(expected);
                assertThat(e.query(TaskId.of(id), sync).toString()).isEqualTo(expected.toString());
            }
            assertThat(e.submit()).isEqualTo(e.endpoint(FoxApiTaskPort.SUBMIT_PATH, null)).isSameAs(e.submit());
        }
    }
}
