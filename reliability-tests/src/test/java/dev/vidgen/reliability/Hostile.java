package dev.vidgen.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.domain.validation.RuleIds;
import dev.vidgen.domain.validation.Urls;
import dev.vidgen.domain.validation.Violation;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Hostile values for the property tests, and what every violation must look like. */
final class Hostile {

    /** Every rule id a violation may carry: docs/api.md's, vidgen's own, the codec's and the client's. */
    static final Set<String> KNOWN_RULE_IDS;

    static {
        Set<String> ids = new HashSet<>(RuleIds.ALL);
        ids.addAll(List.of(FoxApiCodec.RULE_SYNTAX, FoxApiCodec.RULE_MODEL, FoxApiCodec.RULE_UNKNOWN_FIELD,
                FoxApiCodec.RULE_TYPE, FoxApiCodec.RULE_INVALID_VALUE, VideoClient.RULE_MODEL_REGISTERED));
        KNOWN_RULE_IDS = Set.copyOf(ids);
    }

    /**
     * Rules whose path may be empty: those about the request as a whole, and an unknown field,
     * whose path is the field's own name (which JSON allows to be empty).
     */
    private static final Set<String> WHOLE_REQUEST_RULES = Set.of(RuleIds.REQUEST_REQUIRED, FoxApiCodec.RULE_SYNTAX,
            FoxApiCodec.RULE_TYPE, FoxApiCodec.RULE_INVALID_VALUE, FoxApiCodec.RULE_UNKNOWN_FIELD);

    static final String HUGE = "x".repeat(100_000);

    private Hostile() {
    }

    /** Strings a user or an attacker might pass: empty, blank, 100,000 characters, lone surrogates, RTL overrides, zero-width, NUL, templates. */
    static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of("", " ", "\t\n\r", "\u00a0\u2003", "a fox in the snow",
                        "一只狐狸在雪地里奔跑", "\u202Eevil\u202C", "\u200B\u200C\u200D\uFEFF", "e\u0301\u0301\u0301",
                        "🦊🦊", "\uD83D", "\uDC00x", "\u0000", "<<<image_1>>>", "<<<image_0>>>", "<<<video_1>>>",
                        "<<<image_99999999999999999999>>>", "<<<image_-1>>>", "<<<image_>>>", "${jndi:ldap://x}", "%s%n%d",
                        "\"}],{\"model\":\"x\"", HUGE, "<<<image_1>>>".repeat(8_000), "\uD800".repeat(50_000),
                        "\u202E".repeat(100_000), "a\u0000".repeat(50_000))),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(300)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("<>_imagevido0123456789 ").ofMaxLength(60)))
                .injectNull(0.15);
    }

    /** URL text: valid, relative, odd schemes, spaces, broken authorities, huge, Unicode. */
    static Arbitrary<String> urlTexts() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of("https://example.com/a.png", "http://127.0.0.1/x.png", "", " ",
                        "http://", "https://", "https:///nohost.png", "ftp://example.com/a.png", "javascript:alert(1)",
                        "file:///etc/passwd", "data:image/png;base64,AAAA", "mailto:a@b.c", "http://exa mple.com/a.png",
                        "//example.com/a.png", "/relative.png", "http://[::1", "http://[::1]/x.png", "http://example.com:99999/x",
                        "http://%zz/", "https://例え.jp/画像.png", "http://\u202Eevil.com/x", "http://user:pass@host/x.png",
                        "https://example.com/" + "a".repeat(100_000), "HTTPS://EXAMPLE.COM/A.PNG", "http://a\u0000b/x",
                        "https://example.com/a.png#frag?x", "https://-.-/x", "https://example.com/\uD800")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(80)))
                .injectNull(0.1);
    }

    /** URIs as a builder would take them: parsed leniently (never throwing), or {@code null}. */
    static Arbitrary<URI> uris() {
        return urlTexts().map(t -> t == null ? null : Urls.parseLenient(t));
    }

    /** Integers at every edge, or {@code null}. */
    static Arbitrary<Integer> integers() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(Integer.MIN_VALUE, -1, 0, 1, 3, 5, 6, 7, 8, 10, 11, 15, 16, Integer.MAX_VALUE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers()))
                .injectNull(0.3);
    }

    /** {@code null}, empty, a few, or a great many items. */
    static <T> Arbitrary<List<T>> lists(Arbitrary<T> items) {
        Arbitrary<List<T>> empty = Arbitraries.just(List.of());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, empty),
                net.jqwik.api.Tuple.of(6, items.injectNull(0.1).list().ofMaxSize(9)),
                net.jqwik.api.Tuple.of(1, items.list().ofMinSize(100).ofMaxSize(400)))
                .injectNull(0.2);
    }

    /** A violation a user can act on: a known rule id, a path (empty only for rules about the whole request), a message. */
    static void assertWellFormed(Violation v) {
        assertThat(v.ruleId()).as("rule id of %s", v).isNotBlank().isIn(KNOWN_RULE_IDS);
        assertThat(v.path()).as("path of %s", v).isNotNull();
        if (!WHOLE_REQUEST_RULES.contains(v.ruleId())) {
            assertThat(v.path()).as("path of a field rule: %s", v).isNotBlank();
        }
        assertThat(v.message()).as("message of %s", v).isNotBlank();
        assertThat(v.toString()).contains(v.ruleId());
    }
}
