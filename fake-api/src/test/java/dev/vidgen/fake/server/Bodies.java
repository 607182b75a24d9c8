package dev.vidgen.fake.server;

/** Valid request bodies for the fake's tests. */
final class Bodies {

    static final String VEO = """
            {"model":"veo-3.1-reference-to-video","prompt":"A woman walking through a garden",
             "reference_image_urls":["https://example.com/ref1.jpg"]}""";

    static final String VEO_FAST = """
            {"model":"veo-3.1-fast-reference-to-video","prompt":"A cat","reference_image_urls":["https://example.com/cat.jpg"]}""";

    static final String KLING = """
            {"model":"kling-o3-ref","prompt":"city street at night in the rain"}""";

    private Bodies() {
    }
}
