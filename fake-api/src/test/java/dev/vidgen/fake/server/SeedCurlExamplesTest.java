package dev.vidgen.fake.server;

import static dev.vidgen.fake.server.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The curl example of each API page (kept as test data in domain's test resources, {@code seeds/},
 * shared through its test-jar) sent verbatim (method, path, headers, body) but for the host and
 * the key, must create a task.
 */
class SeedCurlExamplesTest {

    private static FakeVideoApi api;

    @BeforeAll
    static void start() {
        api = FakeVideoApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"veo-3.1-reference-to-video.curl", "kling-o3-ref.curl"})
    void curlExampleSucceeds(String seed) throws Exception {
        Curl curl = Curl.parse(seedExample(seed));
        assertThat(curl.method).isEqualTo("POST");
        assertThat(curl.url.getHost()).isEqualTo("api.foxapi.cc");

        HttpRequest.Builder request = HttpRequest.newBuilder(api.baseUrl().resolve(curl.url.getRawPath()))
                .method(curl.method, HttpRequest.BodyPublishers.ofString(curl.data, StandardCharsets.UTF_8))
                .timeout(Http.TIMEOUT);
        curl.headers.forEach((name, value) -> request.header(name, value.replace("<token>", api.apiKey())));
        HttpResponse<byte[]> response = new Http(api).send(request);

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("id").asText()).matches("task-unified-\\d+-[a-z0-9]{8}");
        assertThat(body.get("status").asText()).isEqualTo("pending");
        assertThat(body.get("model").asText()).isEqualTo(Http.JSON.readTree(curl.data).get("model").asText());
        assertThat(api.requests(Route.SUBMIT)).last().extracting(RecordedRequest::bodyText).isEqualTo(curl.data);
    }

    /** A page's curl example, from the test classpath. */
    static String seedExample(String name) throws IOException {
        try (InputStream in = SeedCurlExamplesTest.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) {
                throw new IOException("seeds/" + name + " is not on the test classpath (vidgen-domain's test-jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The curl command of a seed document: {@code --request}, {@code --url}, {@code --header}s and the {@code --data '...'} body. */
    private static final class Curl {
        String method;
        URI url;
        final Map<String, String> headers = new LinkedHashMap<>();
        String data;

        static Curl parse(String document) {
            int start = document.indexOf("curl ");
            assertThat(start).as("the seed has a curl example").isNotNegative();
            Curl c = new Curl();
            List<String> lines = new ArrayList<>(document.substring(start).lines().toList());
            Pattern option = Pattern.compile("^\\s*(?:curl\\s+)?--(\\w+)\\s*(.*?)\\s*\\\\?$");
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = option.matcher(lines.get(i));
                if (!m.matches()) {
                    break;
                }
                String value = m.group(2);
                switch (m.group(1)) {
                    case "request" -> c.method = value;
                    case "url" -> c.url = URI.create(value);
                    case "header" -> {
                        String h = value.substring(1, value.length() - 1); // strip the single quotes
                        int colon = h.indexOf(':');
                        c.headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                    }
                    case "data" -> {
                        // --data ' then the body's lines, then a line holding the closing quote
                        StringBuilder body = new StringBuilder(value.substring(1));
                        int j = i + 1;
                        for (; !lines.get(j).equals("'"); j++) {
                            body.append('\n').append(lines.get(j));
                        }
                        c.data = body.append('\n').toString(); // the newline before the closing quote is part of the body

                        i = lines.size();
                    }
                    default -> throw new AssertionError("unexpected curl option --" + m.group(1));
                }
            }
            assertThat(c.data).as("the curl example's body").isNotBlank();
            return c;
        }
    }
}
