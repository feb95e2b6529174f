package org.meshgov.policy;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of case a rule judges, each with the variables its condition reads (besides
 * {@code stage}, the domain's stage as a string, and {@code params}, the rule's params at that stage).
 */
public enum PolicyTarget {
    /** {@code contract}: the ODCS document; {@code proposal}: the classified proposal; {@code properties}: every property. */
    CONTRACT_PROPOSAL("contract-proposal", "contract", "proposal", "properties"),
    /** {@code request}: the access request. */
    ACCESS_REQUEST("access-request", "request"),
    /** {@code deprecation}: the deprecation the owners announce. */
    DEPRECATION("deprecation", "deprecation"),
    /** {@code incident}: the incident a person raises. */
    INCIDENT("incident", "incident"),
    /** {@code run}: one pipeline run's quality results. */
    QUALITY_RESULT("quality-result", "run");

    private static final CelType OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);

    private final String wireName;
    private final String[] variables;

    PolicyTarget(String wireName, String... variables) {
        this.wireName = wireName;
        this.variables = variables;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PolicyTarget> fromWireName(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }

    /** The variables a condition of this target may read, with their CEL types. */
    Map<String, CelType> variables() {
        Map<String, CelType> declared = new LinkedHashMap<>();
        for (String variable : variables) {
            declared.put(variable, variable.equals("properties") ? ListType.create(OBJECT) : OBJECT);
        }
        declared.put("stage", SimpleType.STRING);
        declared.put("params", OBJECT);
        return declared;
    }
}
