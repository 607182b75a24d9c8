package dev.vidgen.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.ports.http.HttpRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportSupportTest {

    @Test
    void headerValuesWithLineBreaksAreRefusedWithoutShowingTheValue() {
        assertThatThrownBy(() -> TransportSupport.checkHeaderValue("Authorization", "Bearer sk-secret\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Authorization").hasMessageContaining("index 16")
                .hasMessageNotContaining("sk-secret");
        assertThatCode(() -> TransportSupport.checkHeaderValue("Authorization", "Bearer sk-secret\twith tab")).doesNotThrowAnyException();
    }

    @Test
    void methodsAndHeaderNamesMustBeTokens() {
        assertThatThrownBy(() -> TransportSupport.checkMethod("GE T")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransportSupport.checkHeaderName("X Bad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("character 1");
        assertThatCode(() -> {
            TransportSupport.checkMethod("PATCH");
            TransportSupport.checkHeaderName("X-Request-Id");
        }).doesNotThrowAnyException();
    }

    @Test
    void onlyAbsoluteHttpUrisWithAHostAndPositiveTimeoutsPass() {
        assertThatThrownBy(() -> TransportSupport.checkUri(URI.create("ftp://h/x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransportSupport.checkUri(URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(TransportSupport.checkUri(URI.create("HTTPS://h/x"))).hasHost("h");
        HttpRequest zero = HttpRequest.get(URI.create("http://h/")).withTimeout(Duration.ZERO);
        assertThatThrownBy(() -> TransportSupport.timeoutOf(zero, Duration.ofSeconds(1))).hasMessageContaining("positive");
        assertThat(TransportSupport.timeoutOf(HttpRequest.get(URI.create("http://h/")), Duration.ofSeconds(3))).hasSeconds(3);
    }

    @Test
    void computedHeadersAreLeftOutAndTheOthersPassInOrder() {
        HttpRequest r = HttpRequest.get(URI.create("http://h/")).withHeader("Host", "evil").withHeader("Accept", "a")
                .withHeader("content-length", "9").withHeader("Accept", "b");
        List<String> sent = new ArrayList<>();
        TransportSupport.checkAndForEachHeader(r, (n, v) -> sent.add(n + "=" + v));
        assertThat(sent).containsExactly("Accept=a", "Accept=b");
    }
}
