package org.meshgov.incident.response;

import java.util.Arrays;
import java.util.List;
import org.meshgov.governance.Violation;
import org.meshgov.workflow.WorkflowRefusal;

/** Values from Tasklist forms and {@code /engine-rest}, which arrive as loosely typed variables. */
final class FormValues {

    private FormValues() {
    }

    /**
     * An enum constant by its name. Nothing, or the form's empty choice, is null and left to the
     * incident to judge; a wrong name is refused at the variable that carried it.
     */
    static <E extends Enum<E>> E constant(Class<E> type, String variable, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        String allowed = Arrays.toString(type.getEnumConstants());
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElseThrow(() -> new WorkflowRefusal(422, variable + " must be one of " + allowed, List.of(
                        new Violation("$.variables." + variable, variable, variable + " must be one of " + allowed
                                + ", not " + value))));
    }

    static String stripped(Object value) {
        return value instanceof String text ? text.strip() : null;
    }
}
