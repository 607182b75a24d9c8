package dev.vidgen.domain.validation;

import java.util.List;
import java.util.function.Function;

/**
 * The rule that the durations of a request's multi_prompt segments add up to its duration, for the
 * families that take segments.
 */
public final class SegmentSum {

    private SegmentSum() {
    }

    /**
     * Adds to {@code out} a violation (on {@code multiPrompt}) when the segments' durations do not add
     * up to {@code duration}, or to {@code unsetDuration} when it is {@code null}. Nothing is checked
     * without segments, or when a segment or its duration is missing: the field constraints report
     * those, and a sum of unknowns is no news.
     *
     * @param unsetDuration what the duration is taken to be when it is not set
     * @param unsetWord     how the message calls that figure, for example {@code the default}
     */
    public static <S> void check(String ruleId, List<S> segments, Function<? super S, Integer> segmentDuration,
            Integer duration, int unsetDuration, String unsetWord, List<Violation> out) {
        if (segments == null || segments.isEmpty()) {
            return;
        }
        long sum = 0;
        for (S segment : segments) {
            Integer seconds = segment == null ? null : segmentDuration.apply(segment);
            if (seconds == null) {
                return;
            }
            sum += seconds;
        }
        int total = duration == null ? unsetDuration : duration;
        if (sum != total) {
            out.add(new Violation(ruleId, "multiPrompt", segments,
                    "multi_prompt segment durations add up to " + sum + " seconds but the duration is " + total
                            + (duration == null ? " (" + unsetWord + ", as duration is not set)" : "") + "; make them equal"));
        }
    }
}
