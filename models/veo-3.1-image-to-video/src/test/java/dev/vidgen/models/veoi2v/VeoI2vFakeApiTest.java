package dev.vidgen.models.veoi2v;

import dev.vidgen.testkit.models.FakeApiContract;

/** The testkit's fake API serves the model with no change of its own (the contract says how it is checked). */
class VeoI2vFakeApiTest extends FakeApiContract {

    VeoI2vFakeApiTest() throws Exception {
        super(VeoI2vExampleTest.pageBody(), VeoI2vExampleTest.PAGE_EXAMPLE,
                rejected("{\"model\":\"veo-3.1-lite-image-to-video\",\"prompt\":\"p\","
                        + "\"image_url\":\"https://example.com/a.jpg\",\"safety_tolerance\":3}", "veo-i2v.variant.safety-tolerance",
                        "safety_tolerance"),
                listed("{\"model\":\"veo-3.1-lite-image-to-video\",\"prompt\":\" \","
                                + "\"image_url\":\"https://example.com/a.jpg\",\"duration\":5,\"resolution\":\"4k\"}",
                        "veo-i2v.prompt.required prompt", "veo-i2v.duration duration", "veo-i2v.lite.resolution resolution"));
    }
}
