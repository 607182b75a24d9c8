package dev.vidgen.domain.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule that numbered references in a prompt ({@code <<<image_2>>>}, {@code @Element1}) point
 * at items that exist, for the families whose prompts have them. A family gives its reference
 * syntax and rule id once; per request it says which lists the references count in.
 */
public final class PromptReferences {

    /**
     * One list that references count in, as the messages name it.
     *
     * @param list  the list's name in the API, for example {@code image_list}
     * @param size  how many items the request's list has
     * @param item  one item, for example {@code image}
     * @param items several items, for example {@code images}
     */
    public record Target(String list, int size, String item, String items) {
    }

    private final String ruleId;
    private final Pattern syntax;

    /**
     * The rule for one reference syntax.
     *
     * @param ruleId the id of the violations
     * @param syntax a reference: group 1 is the key of its {@link Target}, group 2 its number, counted from 1
     */
    public PromptReferences(String ruleId, Pattern syntax) {
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.syntax = Objects.requireNonNull(syntax, "syntax");
    }

    /**
     * Adds to {@code out} a violation for each reference in {@code prompt} and in each segment's prompt
     * ({@code multiPrompt[i].prompt}) that points at no item, each bad reference once per prompt.
     * Null prompts and null segments are skipped: they are the field constraints' business.
     *
     * @param targets the group-1 text of the syntax to the list it counts in
     */
    public <S> void check(String prompt, List<S> segments, Function<? super S, String> segmentPrompt,
            Map<String, Target> targets, List<Violation> out) {
        check("prompt", "prompt", prompt, targets, out);
        List<S> all = segments == null ? List.of() : segments;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) != null) {
                check("multiPrompt[" + i + "].prompt", "multi_prompt segment " + (i + 1) + "'s prompt",
                        segmentPrompt.apply(all.get(i)), targets, out);
            }
        }
    }

    private void check(String path, String what, String prompt, Map<String, Target> targets, List<Violation> out) {
        if (prompt == null) {
            return;
        }
        Set<String> reported = new LinkedHashSet<>();
        Matcher m = syntax.matcher(prompt);
        while (m.find()) {
            Target target = targets.get(m.group(1));
            String digits = m.group(2);
            // more than 9 digits cannot be a list position; avoid parsing it into an overflow
            long n = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
            if ((n < 1 || n > target.size()) && reported.add(m.group())) {
                String has = target.size() == 0 ? "there is no " + target.list()
                        : target.list() + " has " + target.size() + " " + (target.size() == 1 ? target.item() : target.items());
                out.add(new Violation(ruleId, path, prompt, what + " refers to " + m.group() + " but " + has + "; references count from 1"));
            }
        }
    }
}
