package dev.vidgen.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

/**
 * The cheap test in front of the mask's pattern never lets a secret through: on texts built from
 * the secret in every form (each character literal, {@code %hh}, {@code \\u00hh} or {@code \\/},
 * base64 of the key or of {@code Bearer key}), cut, and mixed with escape-like noise, masking
 * gives exactly what the pattern alone gives.
 */
class SecretMaskFastPathTest {

    static final String KEY = "sk-3A/b+9f";
    static final SecretMask MASK = SecretMask.of(KEY);

    @Property(tries = 3000)
    void theCheapTestChangesNothing(@ForAll("texts") String text) {
        assertThat(MASK.mask(text)).isEqualTo(MASK.maskByPatternOnly(text));
        assertThat(MASK.appearsIn(text)).isEqualTo(!MASK.maskByPatternOnly(text).equals(text));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> noise = Arbitraries.strings().withChars("%\\u0/abcfAF39sk-+\" {}:é").ofMaxLength(12);
        Arbitrary<String> secretForm = Arbitraries.integers().between(0, 5).flatMap(kind -> switch (kind) {
            case 0 -> Arbitraries.just(Base64.getEncoder().withoutPadding().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)));
            case 1 -> Arbitraries.just(Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("Bearer " + KEY).getBytes(StandardCharsets.UTF_8)));
            default -> Arbitraries.integers().between(0, 3).list().ofSize(KEY.length()).map(SecretMaskFastPathTest::escaped);
        });
        Arbitrary<String> maybeCut = Combinators.combine(secretForm, Arbitraries.integers().between(0, 3))
                .as((form, cut) -> cut == 0 && form.length() > 2 ? form.substring(1) : cut == 1 && form.length() > 2 ? form.substring(0, form.length() - 2) : form);
        return Combinators.combine(noise, maybeCut, noise, Arbitraries.of(true, false)).as((a, form, b, withSecret) -> withSecret ? a + form + b : a + b);
    }

    private static String escaped(java.util.List<Integer> how) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < KEY.length(); i++) {
            char c = KEY.charAt(i);
            String hex = String.format("%02x", (int) c);
            switch (how.get(i)) {
                case 1 -> sb.append('%').append(i % 2 == 0 ? hex : hex.toUpperCase());
                case 2 -> sb.append("\\u00").append(hex);
                case 3 -> sb.append(c == '/' ? "\\/" : String.valueOf(c));
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
