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

    /** For subclasses. */
    protected PageExampleContract() {
    }

    /** The example body as the page prints it (compact JSON, the page's field order). */
    protected abstract String exampleBody() throws Exception;

    /** The typed request the body stands for. */
    protected abstract VideoRequest exampleRequest();

    /** The body and the request break no rule. */
    @Test
    public void thePageExampleValidatesClean() throws Exception {
        assertThat(ModelFixtures.violations(exampleBody())).isEmpty();
        assertThat(ModelFixtures.violations(exampleRequest())).isEmpty();
    }

    /** The client's codec reads the body into the typed request. */
    @Test
    public void thePageExampleIsReadIntoTheTypedRequest() throws Exception {
        assertThat(ModelFixtures.CODEC.decodeRequest(exampleBody().getBytes(StandardCharsets.UTF_8))).isEqualTo(exampleRequest());
    }

    /** The client's codec writes the typed request as exactly the page's body. */
    @Test
    public void theWireJsonIsExactlyThePagesBody() throws Exception {
        assertThat(new String(ModelFixtures.CODEC.encodeRequest(exampleRequest()), StandardCharsets.UTF_8)).isEqualTo(exampleBody());
    }
}
