package dev.vidgen.models.klingr2v;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.testkit.models.FakeApiCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The testkit's fake API serves the model with no change of its own, because it reads bodies with
 * the installed catalog: over real HTTP on 127.0.0.1, the page example makes a task and a bad body
 * gets a 422 naming the rule id and the field in the API's names.
 */
class KlingR2vFakeApiTest {

    @RegisterExtension
    static final FakeApiCheck fake = new FakeApiCheck();

    @Test
    void thePageExampleMakesATask() throws Exception {
        fake.assertMakesATask(KlingR2vExampleTest.pageBody(), "kling-o3-reference-to-video", KlingR2vExampleTest.PAGE_EXAMPLE);
    }

    @Test
    void aBadBodyGets422NamingTheRuleAndTheFieldAndMakesNoTask() throws Exception {
        fake.assertRejected("{\"model\":\"kling-o3-reference-to-video\",\"prompt\":\"like @Image2\","
                + "\"image_urls\":[\"https://example.com/1.jpg\"]}", "kling-r2v.prompt.template-ref", "prompt", "@Image2");
    }

    @Test
    void everyViolationOfABodyIsListedWithNestedFieldsInTheApisNames() throws Exception {
        assertThat(fake.violations("{\"model\":\"kling-o3-reference-to-video\",\"prompt\":\"p\",\"duration\":16,"
                + "\"multi_prompt\":[{\"prompt\":\"a\",\"duration\":16}],"
                + "\"elements\":[{\"frontal_image_url\":\"https://e.com/f.jpg\",\"reference_image_urls\":[\"ftp://e.com/r.jpg\"]}]}"))
                .containsExactlyInAnyOrder("kling-r2v.duration.range duration", "kling-r2v.prompt.exclusive prompt",
                        "url.absolute-http elements[0].reference_image_urls[0]");
    }
}
