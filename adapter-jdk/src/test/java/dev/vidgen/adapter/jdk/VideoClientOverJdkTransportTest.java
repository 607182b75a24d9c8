package dev.vidgen.adapter.jdk;

import com.google.inject.Module;
import dev.vidgen.testkit.conformance.VideoClientOverTransportSuite;

/** The whole client path on the jdk transport (the suite lives in the testkit). */
class VideoClientOverJdkTransportTest extends VideoClientOverTransportSuite {

    @Override
    protected String transportName() {
        return "jdk";
    }

    @Override
    protected Module transportModule() {
        return new JdkHttpTransportModule();
    }
}
