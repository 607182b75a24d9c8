package dev.vidgen.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vidgen.benchmarks.BenchRequests;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.fake.port.FakeTaskPort;
import org.junit.jupiter.api.Test;

/** The raw baseline must send what the client sends, or the overhead ratio compares different work. */
class BenchRequestsTest {

    @Test
    void thePreBuiltJsonIsWhatTheClientEncodesAndTheRequestBreaksNoRule() throws Exception {
        try (VideoClient client = VideoClient.builder().taskPort(new FakeTaskPort()).build()) {
            assertThat(client.validate(BenchRequests.veo())).isEmpty();
            byte[] encoded = new FoxApiCodec(client.models()).encodeRequest(BenchRequests.veo());
            ObjectMapper json = new ObjectMapper();
            assertThat(json.readTree(BenchRequests.VEO_JSON)).isEqualTo(json.readTree(encoded));
        }
    }
}
