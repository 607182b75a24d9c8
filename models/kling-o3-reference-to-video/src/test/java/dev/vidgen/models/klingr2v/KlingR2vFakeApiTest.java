package dev.vidgen.models.klingr2v;

import dev.vidgen.testkit.models.FakeApiContract;

/** The testkit's fake API serves the model with no change of its own (the contract says how it is checked). */
class KlingR2vFakeApiTest extends FakeApiContract {

    KlingR2vFakeApiTest() throws Exception {
        super(KlingR2vExampleTest.pageBody(), KlingR2vExampleTest.PAGE_EXAMPLE,
                rejected("{\"model\":\"kling-o3-reference-to-video\",\"prompt\":\"like @Image2\","
                        + "\"image_urls\":[\"https://example.com/1.jpg\"]}", "kling-r2v.prompt.template-ref", "prompt", "@Image2"),
                listed("{\"model\":\"kling-o3-reference-to-video\",\"prompt\":\"p\",\"duration\":16,"
                                + "\"multi_prompt\":[{\"prompt\":\"a\",\"duration\":16}],"
                                + "\"elements\":[{\"frontal_image_url\":\"https://e.com/f.jpg\",\"reference_image_urls\":[\"ftp://e.com/r.jpg\"]}]}",
                        "kling-r2v.duration.range duration", "kling-r2v.prompt.exclusive prompt",
                        "url.absolute-http elements[0].reference_image_urls[0]"));
    }
}
