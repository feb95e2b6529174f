package org.meshgov.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.meshgov.domain.OnboardingStage;

/**
 * One named rule of a policy set, its condition compiled. {@code params} holds every stage's values
 * (empty maps for a rule without params); {@code remedy} is null for a rule that refuses.
 */
public record PolicyRule(String name, PolicyTarget target, String description, String path, String condition,
                         String message, Map<OnboardingStage, Enforcement> enforcement,
                         Map<OnboardingStage, Map<String, Object>> params, Remedy remedy,
                         CelRuntime.Program program) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    public Enforcement enforcementAt(OnboardingStage stage) {
        return enforcement.get(stage);
    }

    /**
     * Empty when the condition holds for the case; otherwise why not. A condition that cannot be
     * evaluated (say, it reads a field the case lacks) fails: a rule nobody can check is not met.
     */
    Optional<String> failure(OnboardingStage stage, Map<String, Object> facts) {
        Map<String, Object> variables = new HashMap<>(facts);
        variables.put("stage", stage.name());
        variables.put("params", params.get(stage));
        try {
            return Boolean.TRUE.equals(program.eval(variables)) ? Optional.empty() : Optional.of(messageAt(stage));
        } catch (CelEvaluationException e) {
            return Optional.of(messageAt(stage) + " (the condition could not be evaluated: " + e.getMessage() + ")");
        }
    }

    /** The message with each {@code {name}} replaced by the stage's param of that name. */
    public String messageAt(OnboardingStage stage) {
        Map<String, Object> values = params.get(stage);
        Matcher placeholder = PLACEHOLDER.matcher(message);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            Object value = values.get(placeholder.group(1));
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value == null
                    ? placeholder.group() : format(value)));
        }
        placeholder.appendTail(text);
        return text.toString();
    }

    private static String format(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    /** The param names a message refers to, so that the compiler can check they exist. */
    static Set<String> placeholders(String message) {
        Set<String> names = new LinkedHashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(message);
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }
}
