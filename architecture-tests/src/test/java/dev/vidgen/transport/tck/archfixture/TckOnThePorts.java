package dev.vidgen.transport.tck.archfixture;

import dev.vidgen.ports.http.HttpTransport;
import org.junit.jupiter.api.Assertions;

/** Keeps the transport TCK rule: ports, the JDK and JUnit (fixture for RulesBiteTest). */
public class TckOnThePorts {
    public void check(HttpTransport transport) {
        Assertions.assertNotNull(transport);
    }
}
