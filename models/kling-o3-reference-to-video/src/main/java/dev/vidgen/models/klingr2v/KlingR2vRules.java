package dev.vidgen.models.klingr2v;

import dev.vidgen.domain.validation.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cross-field rules of {@link KlingReferenceToVideoFamily}. Missing fields and null items are
 * the field constraints' business: every rule here skips what it cannot judge, and never throws.
 */
final class KlingR2vRules {

    /** {@code @Image2}, {@code @Element1}; numbering starts at 1. */
    private static final Pattern TEMPLATE_REF = Pattern.compile("@(Image|Element)(\\d+)");

    private KlingR2vRules() {
    }

    static List<Violation> check(KlingReferenceToVideoRequest r) {
        List<Violation> out = new ArrayList<>();
        List<KlingPromptSegment> segments = r.multiPrompt() == null ? List.of() : r.multiPrompt();

        if (r.prompt() != null && r.multiPrompt() != null) {
            out.add(new Violation(KlingR2vRuleIds.PROMPT_EXCLUSIVE, "prompt", r.prompt(),
                    "prompt and multi_prompt are mutually exclusive; send one of them"));
        }
        if ((r.prompt() == null || r.prompt().isBlank()) && segments.isEmpty()) {
            out.add(new Violation(KlingR2vRuleIds.PROMPT_REQUIRED, "prompt", r.prompt(),
                    "give a prompt or a multi_prompt with at least one segment"));
        }
        checkSum(r, segments, out);

        int images = r.imageUrls() == null ? 0 : r.imageUrls().size();
        int elements = r.elements() == null ? 0 : r.elements().size();
        checkRefs("prompt", "prompt", r.prompt(), images, elements, out);
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i) != null) {
                checkRefs("multiPrompt[" + i + "].prompt", "multi_prompt segment " + (i + 1) + "'s prompt",
                        segments.get(i).prompt(), images, elements, out);
            }
        }
        return out;
    }

    /** The segment durations add up to the duration, 5 when it is not set. */
    private static void checkSum(KlingReferenceToVideoRequest r, List<KlingPromptSegment> segments, List<Violation> out) {
        if (segments.isEmpty()) {
            return;
        }
        long sum = 0;
        for (KlingPromptSegment segment : segments) {
            if (segment == null || segment.duration() == null) {
                return; // reported by the field constraints; a sum of unknowns is no news
            }
            sum += segment.duration();
        }
        int total = r.duration() == null ? KlingReferenceToVideoFamily.ASSUMED_DEFAULT_DURATION : r.duration();
        if (sum != total) {
            out.add(new Violation(KlingR2vRuleIds.MULTI_PROMPT_SUM, "multiPrompt", r.multiPrompt(),
                    "multi_prompt segment durations add up to " + sum + " seconds but the duration is " + total
                            + (r.duration() == null ? " (assumed, as duration is not set)" : "") + "; make them equal"));
        }
    }

    /** Every {@code @ImageN} / {@code @ElementN} names an existing item; each bad reference reported once. */
    private static void checkRefs(String path, String what, String prompt, int images, int elements, List<Violation> out) {
        if (prompt == null) {
            return;
        }
        Set<String> reported = new LinkedHashSet<>();
        Matcher m = TEMPLATE_REF.matcher(prompt);
        while (m.find()) {
            boolean image = m.group(1).equals("Image");
            int available = image ? images : elements;
            String digits = m.group(2);
            // more than 9 digits cannot be a list position; avoid parsing it into an overflow
            long n = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
            if ((n < 1 || n > available) && reported.add(m.group())) {
                String list = image ? "image_urls" : "elements";
                String has = available == 0 ? "there is no " + list
                        : list + " has " + available + (available == 1 ? " item" : " items");
                out.add(new Violation(KlingR2vRuleIds.PROMPT_TEMPLATE_REF, path, prompt,
                        what + " refers to " + m.group() + " but " + has + "; references count from 1"));
            }
        }
    }
}
