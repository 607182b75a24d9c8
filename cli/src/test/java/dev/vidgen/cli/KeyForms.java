package dev.vidgen.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The forms in which a server may echo an API key, computed here independently of the CLI's
 * masking: as it is, JSON-escaped (only the dashes, or every character), URL-encoded (every
 * character), and base64 of {@code Bearer KEY} and of a Basic credential {@code user:KEY}.
 */
final class KeyForms {

    private KeyForms() {
    }

    static List<String> of(String key) {
        List<String> forms = new ArrayList<>();
        forms.add(key);
        forms.add(key.replace("-", "\\u002d"));
        forms.add(key.replace("-", "\\u002D"));
        StringBuilder json = new StringBuilder();
        StringBuilder url = new StringBuilder();
        for (char c : key.toCharArray()) {
            json.append(String.format("\\u%04x", (int) c));
            url.append(String.format("%%%02X", (int) c));
        }
        forms.add(json.toString());
        forms.add(url.toString());
        forms.add(url.toString().toLowerCase(java.util.Locale.ROOT));
        forms.add(Base64.getEncoder().encodeToString(("Bearer " + key).getBytes(StandardCharsets.UTF_8)));
        forms.add(Base64.getUrlEncoder().encodeToString(("Bearer " + key).getBytes(StandardCharsets.UTF_8)));
        forms.add(Base64.getEncoder().encodeToString(("user:" + key).getBytes(StandardCharsets.UTF_8)));
        forms.add(Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
        return forms;
    }
}
