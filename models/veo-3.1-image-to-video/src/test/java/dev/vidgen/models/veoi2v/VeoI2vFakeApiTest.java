package dev.vidgen.models.veoi2v;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.testkit.models.FakeApiCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The testkit's fake API serves the model with no change of its own, because it reads bodies with
 * the installed catalog: over real HTTP on 127.0.0.1, the page example makes a task and a bad body
 * gets a 422 naming the rule id and the field in the API's names.
 */
class VeoI2vFakeApiTest {

    @RegisterExtension
    static final FakeApiCheck fake = new FakeApiCheck();

    @Test
    void thePageExampleMakesATask() throws Exception {
        fake.assertMakesATask(VeoI2vExampleTest.pageBody(), "veo-3.1-image-to-video", VeoI2vExampleTest.PAGE_EXAMPLE);
    }

    @Test
    void aBadBodyGets422NamingTheRuleAndTheFieldAndMakesNoTask() throws Exception {
        fake.assertRejected("{\"model\":\"veo-3.1-lite-image-to-video\",\"prompt\":\"p\","
                + "\"image_url\":\"https://example.com/a.jpg\",\"safety_tolerance\":3}", "veo-i2v.variant.safety-tolerance", "safety_tolerance");
    }

    @Test
    void everyViolationOfABodyIsListed() throws Exception {
        assertThat(fake.violations("{\"model\":\"veo-3.1-lite-image-to-video\",\"prompt\":\" \","
                + "\"image_url\":\"https://example.com/a.jpg\",\"duration\":5,\"resolution\":\"4k\"}"))
                .containsExactlyInAnyOrder("veo-i2v.prompt.required prompt", "veo-i2v.duration duration",
                        "veo-i2v.lite.resolution resolution");
    }
}
