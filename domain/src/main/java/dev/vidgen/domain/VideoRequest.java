package dev.vidgen.domain;

/**
 * A typed request for one video generation. Every model family has its own immutable record
 * implementing this interface; the wire protocol turns it into the API's JSON.
 */
public interface VideoRequest {

    /** The model id sent as {@code model}, for example {@code veo-3.1-reference-to-video}. */
    String modelId();

    /** The text prompt describing the video. */
    String prompt();
}
