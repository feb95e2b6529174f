package org.meshgov.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.meshgov.governance.Violation;
import org.springframework.http.MediaType;

/** The same problem body as {@link ProblemResponses}, for filters that answer before Spring MVC does. */
final class ProblemJson {

    private ProblemJson() {
    }

    static void write(ObjectMapper json, HttpServletResponse response, int status, String title, String rule,
                      String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title", title, "status", status,
                "detail", detail, "violations", List.of(new Violation("$", rule, detail))));
    }
}
