package dev.vidgen.domain.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Bean Validation results into {@link Violation}s: the rule id comes from the message's
 * {@code [rule.id]} prefix, the path is written in Java names with indexes ({@code imageList[1].type}),
 * the message loses its prefix. Works with any provider.
 */
public final class Violations {

    /** Order of reports: by path (indexes compared as numbers), then rule id, then message. */
    public static final Comparator<Violation> ORDER = Comparator
            .comparing((Violation v) -> v.path() == null ? "" : v.path(), Violations::comparePaths)
            .thenComparing(Violation::ruleId)
            .thenComparing(v -> v.message() == null ? "" : v.message());

    private static final Pattern PREFIX = Pattern.compile("\\[([^\\]\\s]+)]\\s*(.*)", Pattern.DOTALL);
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private Violations() {
    }

    /**
     * Maps constraint violations to violations, sorted by {@link #ORDER}. A message without a
     * {@code [rule.id]} prefix (a constraint not written for vidgen) gets the constraint
     * annotation's simple name as its rule id, for example {@code NotNull}.
     */
    public static List<Violation> from(Collection<? extends ConstraintViolation<?>> constraintViolations) {
        List<Violation> out = new ArrayList<>(constraintViolations.size());
        for (ConstraintViolation<?> cv : constraintViolations) {
            out.add(from(cv));
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** Maps one constraint violation. */
    public static Violation from(ConstraintViolation<?> cv) {
        String message = cv.getMessage() == null ? "" : cv.getMessage();
        String ruleId;
        Matcher m = PREFIX.matcher(message);
        if (m.matches()) {
            ruleId = m.group(1);
            message = m.group(2);
        } else {
            ruleId = cv.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        }
        String path = pathOf(cv.getPropertyPath());
        return new Violation(ruleId, path, rejectedValue(cv, path), message);
    }

    /**
     * Writes a property path in Java names with indexes: {@code imageList[1].type},
     * {@code referenceImageUrls[0]}; the empty string for the whole bean.
     */
    public static String pathOf(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                sb.append('[').append(at == null ? "" : at).append(']');
            }
            String name = node.getName();
            if (name != null && node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getKind() != ElementKind.BEAN) {
                sb.append(sb.length() == 0 ? "" : ".").append(name);
            }
        }
        return sb.toString();
    }

    /**
     * The value at the path. A class-level constraint (such as the capability rules) reports the
     * whole bean as its invalid value; the value of the field it points at is more useful.
     */
    private static Object rejectedValue(ConstraintViolation<?> cv, String path) {
        Object invalid = cv.getInvalidValue();
        if (invalid == null || invalid != cv.getLeafBean() || path.isEmpty() || cv.getRootBean() == null) {
            return invalid;
        }
        try {
            return valueAt(cv.getRootBean(), path);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return invalid; // not a record, or a path we cannot walk: keep what the provider gave
        }
    }

    private static Object valueAt(Object root, String path) throws ReflectiveOperationException {
        Object current = root;
        for (String part : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches() || current == null) {
                throw new IllegalArgumentException(path);
            }
            current = component(current, m.group(1));
            Matcher idx = INDEX.matcher(m.group(2));
            while (idx.find()) {
                current = ((List<?>) current).get(Integer.parseInt(idx.group(1)));
            }
        }
        return current;
    }

    private static Object component(Object bean, String name) throws ReflectiveOperationException {
        if (!bean.getClass().isRecord()) {
            throw new IllegalArgumentException("not a record: " + bean.getClass());
        }
        for (RecordComponent rc : bean.getClass().getRecordComponents()) {
            if (rc.getName().equals(name)) {
                Method accessor = rc.getAccessor();
                accessor.trySetAccessible();
                return accessor.invoke(bean);
            }
        }
        throw new NoSuchFieldException(name);
    }

    /** Compares paths as text, except that runs of digits compare as numbers ({@code a[2]} before {@code a[10]}). */
    static int comparePaths(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && isDigit(b.charAt(j))) {
                    j++;
                }
                String na = stripZeros(a.substring(si, i));
                String nb = stripZeros(b.substring(sj, j));
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
