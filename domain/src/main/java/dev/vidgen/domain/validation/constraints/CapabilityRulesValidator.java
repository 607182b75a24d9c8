package dev.vidgen.domain.validation.constraints;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.validation.Violation;
import jakarta.validation.ConstraintDeclarationException;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderCustomizableContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderDefinedContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validates {@link CapabilityRules} by running the family's rule code. */
public final class CapabilityRulesValidator implements ConstraintValidator<CapabilityRules, VideoRequest> {

    /** One family instance per class: families are stateless, and creating one may build tables. */
    private static final ClassValue<ModelFamily<?>> FAMILIES = new ClassValue<>() {
        @Override
        protected ModelFamily<?> computeValue(Class<?> type) {
            try {
                return (ModelFamily<?>) type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ConstraintDeclarationException("@CapabilityRules(" + type.getName()
                        + ".class): the family needs a public no-argument constructor", e);
            }
        }
    };

    /** {@code name} or {@code name[3]}, one segment of a path such as {@code imageList[1].type}. */
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)(?:\\[(\\d+)])?");

    private ModelFamily<?> family;

    @Override
    public void initialize(CapabilityRules annotation) {
        family = FAMILIES.get(annotation.value());
    }

    @Override
    public boolean isValid(VideoRequest value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (!family.requestType().isInstance(value)) {
            throw new ConstraintDeclarationException(family.getClass().getName() + " checks "
                    + family.requestType().getName() + ", not " + value.getClass().getName());
        }
        List<Violation> violations = check(family, value);
        if (violations.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        for (Violation v : violations) {
            String template = ConstraintMessages.escape("[" + v.ruleId() + "] " + v.message());
            addAt(context.buildConstraintViolationWithTemplate(template), v.path());
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <R extends VideoRequest> List<Violation> check(ModelFamily<R> family, VideoRequest request) {
        return family.checkRules((R) request);
    }

    /** Adds the violation on the property path written as {@code a[1].b}; an empty path means the whole request. */
    static void addAt(ConstraintViolationBuilder builder, String path) {
        if (path == null || path.isEmpty()) {
            builder.addConstraintViolation();
            return;
        }
        List<String> names = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a property path: " + path);
            }
            names.add(m.group(1));
            indexes.add(m.group(2) == null ? null : Integer.valueOf(m.group(2)));
        }
        // An index after a name belongs, in the Jakarta node API, to the node that follows it.
        NodeBuilderCustomizableContext open = builder.addPropertyNode(names.get(0));
        NodeBuilderDefinedContext defined = null;
        for (int i = 1; i < names.size(); i++) {
            Integer index = indexes.get(i - 1);
            NodeBuilderCustomizableContext next = defined != null ? defined.addPropertyNode(names.get(i)) : open.addPropertyNode(names.get(i));
            if (index != null) {
                defined = next.inIterable().atIndex(index);
                open = null;
            } else {
                open = next;
                defined = null;
            }
        }
        Integer last = indexes.get(names.size() - 1);
        if (last != null) {
            (defined != null ? defined.addBeanNode() : open.addBeanNode()).inIterable().atIndex(last).addConstraintViolation();
        } else if (defined != null) {
            defined.addConstraintViolation();
        } else {
            open.addConstraintViolation();
        }
    }
}
