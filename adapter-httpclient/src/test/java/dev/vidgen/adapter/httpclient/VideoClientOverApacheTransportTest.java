package dev.vidgen.adapter.httpclient;

import com.google.inject.Module;
import dev.vidgen.testkit.conformance.VideoClientOverTransportSuite;

/** The whole client path on the apache transport (the suite lives in the testkit). */
class VideoClientOverApacheTransportTest extends VideoClientOverTransportSuite {

    @Override
    protected String transportName() {
        return "apache";
    }

    @Override
    protected Module transportModule() {
        return new ApacheHttpTransportModule();
    }
}
