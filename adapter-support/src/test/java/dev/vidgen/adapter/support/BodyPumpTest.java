package dev.vidgen.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.ports.http.BodyHandlers;
import dev.vidgen.ports.http.BodySink;
import dev.vidgen.ports.http.BodyTooLargeException;
import dev.vidgen.ports.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyPumpTest {

    @Test
    void aCappedBodyFailsWithTheSinksOwnExceptionAndIsAbandonedOnce() {
        BodyPump<byte[]> pump = new BodyPump<>(BodyHandlers.limited(4));
        pump.open(200, Map.of());
        assertThat(pump.write(ByteBuffer.wrap(new byte[3]))).isTrue();
        assertThatThrownBy(() -> pump.write(ByteBuffer.wrap(new byte[3]))).isInstanceOf(BodyTooLargeException.class);
        assertThat(pump.ownFailure()).isInstanceOf(BodyTooLargeException.class);
        assertThat(pump.stopped()).isTrue();
        assertThat(pump.write(ByteBuffer.wrap(new byte[3]))).as("nothing more reaches the sink").isFalse();
    }

    @Test
    void aKeptPrefixStopsReadingAndFinishesWithWhatWasKept() {
        BodyPump<byte[]> pump = new BodyPump<>(BodyHandlers.firstBytes(2));
        pump.open(500, Map.of("X", List.of("y")));
        assertThat(pump.write(ByteBuffer.wrap(new byte[] {1, 2, 3}))).isFalse();
        HttpResponse<byte[]> r = pump.finish();
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).containsExactly(1, 2);
        assertThat(r.header("x")).contains("y");
    }

    @Test
    void abandonReachesAnOpenedSinkOnlyOnceAndNeverAfterFinish() {
        List<Throwable> abandoned = new ArrayList<>();
        BodyPump<String> pump = new BodyPump<>(head -> new BodySink<>() {
            @Override
            public boolean write(ByteBuffer data) {
                return true;
            }

            @Override
            public String finish() {
                return "done";
            }

            @Override
            public void abandon(Throwable cause) {
                abandoned.add(cause);
            }
        });
        pump.abandon(new RuntimeException("before open"));
        assertThat(abandoned).isEmpty();
        BodyPump<String> second = new BodyPump<>(head -> new BodySink<>() {
            @Override
            public boolean write(ByteBuffer data) {
                return true;
            }

            @Override
            public String finish() {
                return "done";
            }

            @Override
            public void abandon(Throwable cause) {
                abandoned.add(cause);
            }
        });
        second.open(200, Map.of());
        RuntimeException cut = new RuntimeException("cut");
        second.abandon(cut);
        second.abandon(new RuntimeException("again"));
        assertThat(abandoned).containsExactly(cut);
        assertThatThrownBy(second::finish).isInstanceOf(IllegalStateException.class);
    }
}
