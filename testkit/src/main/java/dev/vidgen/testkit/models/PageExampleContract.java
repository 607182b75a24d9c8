package dev.vidgen.testkit.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.domain.VideoRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The documentation example of a model module, checked both ways: extend it with the page's JSON
 * body and the typed request it stands for; the body validates clean, reads into the request, and
 * the request is written as exactly that body.
 */
public abstract class PageExampleContract {

    private final String body;
    private final VideoRequest request;

    /**
     * For subclasses.
     *
     * @param body    the example body as the page prints it (compact JSON, the page's field order)
     * @param request the typed request the body stands for
     */
    protected PageExampleContract(String body, VideoRequest request) {
        this.body = body;
        this.request = request;
    }

    /** The body and the request break no rule. */
    @Test
    public void thePageExampleValidatesClean() throws Exception {
        assertThat(ModelFixtures.violations(body)).isEmpty();
        assertThat(ModelFixtures.violations(request)).isEmpty();
    }

    /** The client's codec reads the body into the typed request. */
    @Test
    public void thePageExampleIsReadIntoTheTypedRequest() throws Exception {
        assertThat(ModelFixtures.CODEC.decodeRequest(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(request);
    }

    /** The client's codec writes the typed request as exactly the page's body. */
    @Test
    public void theWireJsonIsExactlyThePagesBody() throws Exception {
        assertThat(new String(ModelFixtures.CODEC.encodeRequest(request), StandardCharsets.UTF_8)).isEqualTo(body);
    }
}
