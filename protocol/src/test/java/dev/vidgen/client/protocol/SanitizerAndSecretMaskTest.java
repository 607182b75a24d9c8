package dev.vidgen.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.client.error.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SanitizerAndSecretMaskTest {

    static final String KEY = "sk-test-Abc/123+xyz";

    @Test
    void controlCharactersAreShownEscaped() {
        assertThat(Sanitizer.sanitize("ok\u001b[2J\r\nerror: forged\t\u0007\u009b\u202e"))
                .isEqualTo("ok\\u001b[2J\\r\\nerror: forged\\t\\u0007\\u009b\\u202e");
        assertThat(Sanitizer.sanitize("plain text, ünïcode 视频")).isEqualTo("plain text, ünïcode 视频");
        assertThat(Sanitizer.sanitize(null)).isNull();
        // invisible formatting characters too: zero-width space and joiner, bidi isolate, byte order mark
        assertThat(Sanitizer.sanitize("a\u200bb\u200dc\u2066d\ufeffe")).isEqualTo("a\\u200bb\\u200dc\\u2066d\\ufeffe");
    }

    @Test
    void exceptionMessagesQuoteTheServerEscaped() {
        ApiException e = new ErrorMapper().toException(400,
                "{\"error\":{\"message\":\"bad\\r\\nerror: forged \\u001b]0;title\\u0007\",\"type\":\"t\\u001b\"}}".getBytes(StandardCharsets.UTF_8),
                false, null);
        assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u001b", "\u0007").contains("\\r\\nerror: forged \\u001b]0;title");
    }

    @Test
    void theKeyIsMaskedInEveryFormAServerMayEchoIt() {
        SecretMask mask = SecretMask.of(KEY);
        String jsonEscaped = KEY.replace("-", "\\u002d").replace("/", "\\/");
        String upperEscaped = KEY.replace("-", "\\u002D");
        String allEscaped = KEY.chars().mapToObj(c -> String.format("\\u%04x", c)).reduce("", String::concat);
        String urlEncoded = URLEncoder.encode(KEY, StandardCharsets.UTF_8);
        String fullyPercent = KEY.chars().mapToObj(c -> String.format("%%%02X", c)).reduce("", String::concat);
        String bearer64 = Base64.getEncoder().encodeToString(("Bearer " + KEY).getBytes(StandardCharsets.UTF_8));
        String bearer64Url = Base64.getUrlEncoder().withoutPadding().encodeToString(("Bearer " + KEY).getBytes(StandardCharsets.UTF_8));
        String key64 = Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
        for (String form : new String[] {KEY, jsonEscaped, upperEscaped, allEscaped, urlEncoded, fullyPercent, bearer64, bearer64Url, key64}) {
            String echoed = "{\"message\":\"bad key " + form + " given\"}";
            assertThat(mask.appearsIn(echoed)).as(form).isTrue();
            String masked = mask.mask(echoed);
            assertThat(masked).as(form).isEqualTo("{\"message\":\"bad key *** given\"}");
        }
        assertThat(mask.mask("nothing here")).isEqualTo("nothing here");
        byte[] body = "no key".getBytes(StandardCharsets.UTF_8);
        assertThat(mask.mask(body)).isSameAs(body);
        assertThatThrownBy(() -> SecretMask.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}
