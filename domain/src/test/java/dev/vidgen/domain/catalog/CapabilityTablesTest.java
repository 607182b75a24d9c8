package dev.vidgen.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.domain.kling.KlingFamily;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.validation.RuleIds;
import dev.vidgen.domain.veo.VeoFamily;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityTablesTest {

    static final ModelCatalog SEEDS = ModelCatalog.of(List.of(new VeoFamily(), new KlingFamily()));
    static final Set<String> STANDARD_ONLY = Set.of("enhance_prompt", "person_generation", "reference_type");

    static List<String> names(ModelCapabilities caps) {
        return caps.fields().stream().map(FieldSpec::name).toList();
    }

    @Test
    void bothSeedFamiliesAreInstalledThroughServiceLoader() {
        assertThat(ModelCatalog.loadInstalled().families()).extracting(f -> f.getClass().getName())
                .contains(VeoFamily.class.getName(), KlingFamily.class.getName());
        assertThat(SEEDS.modelIds()).containsExactly("veo-3.1-reference-to-video", "veo-3.1-fast-reference-to-video", "kling-o3-ref");
        assertThat(SEEDS.familyOf(VeoReferenceRequest.class)).get().isInstanceOf(VeoFamily.class);
        assertThat(SEEDS.familyOf(KlingReferenceRequest.MODEL_ID)).get().isInstanceOf(KlingFamily.class);
    }

    @Test
    void onlyTheStandardVeoVariantAcceptsTheThreeAdvancedFields() {
        ModelCapabilities standard = SEEDS.capabilities(VeoModel.STANDARD.value()).orElseThrow();
        ModelCapabilities fast = SEEDS.capabilities(VeoModel.FAST.value()).orElseThrow();
        assertThat(names(standard)).containsAll(STANDARD_ONLY).contains("auto_fix", "safety_tolerance");
        assertThat(names(fast)).doesNotContainAnyElementsOf(STANDARD_ONLY).contains("auto_fix", "safety_tolerance");
        assertThat(names(standard).stream().filter(n -> !STANDARD_ONLY.contains(n)).toList()).isEqualTo(names(fast));
        assertThat(standard.field("person_generation")).get().extracting(FieldSpec::allowedValues).isEqualTo(List.of("dont_allow", "allow_adult"));
        assertThat(standard.field("reference_type")).get().extracting(FieldSpec::allowedValues).isEqualTo(List.of("ASSET", "STYLE"));
    }

    @Test
    void veoValuesRangesAndDefaults() {
        ModelCapabilities fast = SEEDS.capabilities(VeoModel.FAST.value()).orElseThrow();
        assertThat(fast.field("model")).get().extracting(FieldSpec::allowedValues).isEqualTo(List.of("veo-3.1-fast-reference-to-video"));
        assertThat(fast.field("aspect_ratio")).get().satisfies(f -> {
            assertThat(f.allowedValues()).containsExactly("16:9", "9:16");
            assertThat(f.defaultValue()).isEqualTo("16:9");
        });
        assertThat(fast.field("resolution")).get().satisfies(f -> {
            assertThat(f.allowedValues()).containsExactly("720p", "1080p", "4k");
            assertThat(f.defaultValue()).isEqualTo("1080p");
        });
        assertThat(fast.field("duration")).get().satisfies(f -> {
            assertThat(f.min()).isEqualTo(8);
            assertThat(f.max()).isEqualTo(8);
            assertThat(f.defaultValue()).isEqualTo("8");
        });
        assertThat(fast.field("reference_image_urls")).get().satisfies(f -> {
            assertThat(f.required()).isTrue();
            assertThat(f.min()).isEqualTo(1);
            assertThat(f.max()).isEqualTo(3);
        });
        assertThat(fast.field("safety_tolerance")).get().satisfies(f -> {
            assertThat(f.min()).isEqualTo(1);
            assertThat(f.max()).isEqualTo(6);
        });
        assertThat(fast.field("generate_audio")).get().extracting(FieldSpec::defaultValue).isEqualTo("false");
    }

    @Test
    void klingValuesRangesAndDefaults() {
        ModelCapabilities kling = SEEDS.capabilities("kling-o3-ref").orElseThrow();
        assertThat(names(kling)).contains("model", "prompt", "mode", "image_list", "video_list", "aspect_ratio", "duration", "multi_prompt");
        assertThat(kling.field("mode")).get().satisfies(f -> {
            assertThat(f.allowedValues()).containsExactly("standard", "pro");
            assertThat(f.defaultValue()).isEqualTo("standard");
        });
        assertThat(kling.field("aspect_ratio")).get().extracting(FieldSpec::allowedValues).isEqualTo(List.of("16:9", "9:16", "1:1"));
        assertThat(kling.field("duration")).get().satisfies(f -> {
            assertThat(f.min()).isEqualTo(3);
            assertThat(f.max()).isEqualTo(15);
            assertThat(f.defaultValue()).isEqualTo("5");
        });
        assertThat(kling.field("prompt")).get().extracting(FieldSpec::max).isEqualTo(2500);
        assertThat(kling.field("video_list")).get().extracting(FieldSpec::max).isEqualTo(1);
        assertThat(kling.field("image_list[].type")).get().satisfies(f -> {
            assertThat(f.allowedValues()).containsExactly("first_frame", "end_frame");
            assertThat(f.ruleIds()).first().isEqualTo(RuleIds.KLING_IMAGE_TYPE);
        });
        assertThat(kling.field("video_list[].refer_type")).get().extracting(FieldSpec::allowedValues).isEqualTo(List.of("feature", "base"));
        assertThat(kling.field("multi_prompt")).get().satisfies(f -> {
            assertThat(f.min()).isEqualTo(1);
            assertThat(f.max()).isEqualTo(6);
        });
    }

    @Test
    void everyRuleIdOfTheTablesIsKnownAndEveryApiRuleGovernsSomeField() {
        Set<String> used = new HashSet<>();
        for (ModelCapabilities caps : SEEDS.allCapabilities()) {
            caps.fields().forEach(f -> used.addAll(f.ruleIds()));
        }
        assertThat(RuleIds.ALL).containsAll(used);
        assertThat(used).containsAll(RuleIds.API);
    }

    @Test
    void javaNamesAreRealRecordComponents() {
        for (ModelFamily<?> family : SEEDS.families()) {
            for (ModelCapabilities caps : family.models()) {
                for (FieldSpec spec : caps.fields()) {
                    if (!spec.javaName().equals("model")) { // model is Veo's component, Kling's constant
                        assertThat(resolves(family.requestType(), spec.javaName())).as(caps.modelId() + " " + spec.javaName()).isTrue();
                    }
                    assertThat(spec.name()).as("JSON name").matches("[a-z_]+(\\[]\\.[a-z_]+)?");
                }
            }
        }
    }

    /** Whether {@code a[].b} names component a of the type and b of a's list element type. */
    private static boolean resolves(Class<?> type, String javaName) {
        Type current = type;
        for (String part : javaName.split("\\.")) {
            boolean list = part.endsWith("[]");
            String name = list ? part.substring(0, part.length() - 2) : part;
            if (!(current instanceof Class<?> c) || !c.isRecord()) {
                return false;
            }
            RecordComponent rc = List.of(c.getRecordComponents()).stream().filter(r -> r.getName().equals(name)).findFirst().orElse(null);
            if (rc == null) {
                return false;
            }
            current = list ? ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0] : rc.getType();
        }
        return true;
    }

    @Test
    void aModelIdRegisteredTwiceIsRefused() {
        assertThatThrownBy(() -> ModelCatalog.of(List.of(new VeoFamily(), new KlingFamily(), new VeoFamily())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("veo-3.1-reference-to-video");
    }

    @Test
    void tablesAreImmutable() {
        ModelCapabilities kling = SEEDS.capabilities("kling-o3-ref").orElseThrow();
        assertThatThrownBy(() -> kling.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> kling.fields().get(0).ruleIds().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
