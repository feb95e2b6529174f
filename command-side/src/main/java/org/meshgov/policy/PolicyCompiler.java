package org.meshgov.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.meshgov.contract.validation.ContractDocumentParser;
import org.meshgov.contract.validation.DocumentFormat;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.Violation;

/**
 * Reads a policy set document (YAML or JSON) into {@link PolicyRules}: checked against the
 * published schema ({@value #SCHEMA_RESOURCE}), then for meaning (unique names, the same params at
 * every stage, placeholders that name params, remedies only where they exist), and every condition
 * compiled and type-checked as a CEL expression of type {@code bool} over its target's variables.
 * Everything wrong is reported at once. Thread-safe; create one and share it.
 */
public final class PolicyCompiler {

    public static final String SCHEMA_RESOURCE = "/policy/policy-set.schema.json";
    public static final String DEFAULT_SET_RESOURCE = "/policy/default-policy-set.yaml";

    private final ContractDocumentParser parser = new ContractDocumentParser();
    private final CompletableFuture<Compiled> compiled;

    /** The schema and the CEL environments, which take a while to build (about a second on a cold JVM). */
    private record Compiled(Schema schema, Map<PolicyTarget, Cel> environments) {
    }

    public PolicyCompiler() {
        this.compiled = CompletableFuture.completedFuture(build());
    }

    private PolicyCompiler(CompletableFuture<Compiled> compiled) {
        this.compiled = compiled;
    }

    /**
     * A compiler whose schema and CEL environments are built on a thread of their own, so that an
     * engine's start does not wait for them; the first {@link #compile} waits if they are not ready.
     */
    public static PolicyCompiler inBackground() {
        CompletableFuture<Compiled> compiled = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                compiled.complete(build());
            } catch (Throwable failure) {
                compiled.completeExceptionally(failure);
            }
        }, "policy-compiler-init");
        thread.setDaemon(true);
        thread.start();
        return new PolicyCompiler(compiled);
    }

    private static Compiled build() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH)
                .locale(Locale.ENGLISH).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09,
                builder -> builder.schemaRegistryConfig(config)
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)
                                .allow(iri -> iri.toString().startsWith("classpath:")
                                        || iri.toString().contains("json-schema.org/draft/2019-09/"))));
        Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + SCHEMA_RESOURCE.substring(1)),
                readTree(resource(SCHEMA_RESOURCE)));
        schema.initializeValidators();
        Map<PolicyTarget, Cel> environments = new EnumMap<>(PolicyTarget.class);
        for (PolicyTarget target : PolicyTarget.values()) {
            environments.put(target, environment(target));
        }
        return new Compiled(schema, environments);
    }

    private Compiled compiled() {
        try {
            return compiled.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof java.lang.Error error) {
                throw error;
            }
            throw failed;
        }
    }

    /** The policy set meshgov adopts at its first start, as shipped. */
    public static String defaultPolicySet() {
        return resource(DEFAULT_SET_RESOURCE);
    }

    /** The JSON Schema of policy set documents. */
    public static String schema() {
        return resource(SCHEMA_RESOURCE);
    }

    /**
     * @throws org.meshgov.contract.validation.MalformedDocumentException when the text is no YAML or JSON mapping
     * @throws GovernanceViolationException with every problem when it is not a valid policy set
     */
    public PolicyRules compile(long version, String text) {
        JsonNode document = parser.parse(text.getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML);
        List<Violation> violations = new ArrayList<>();
        for (Error error : compiled().schema().validate(document)) {
            String path = error.getInstanceLocation().toString();
            String property = error.getProperty() == null ? "" : "." + error.getProperty();
            violations.add(new Violation(path + ("required".equals(error.getKeyword()) ? property : ""),
                    "schema:" + error.getKeyword(), error.getMessage()));
        }
        if (!violations.isEmpty()) {
            throw new GovernanceViolationException(violations);
        }
        List<PolicyRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode ruleNodes = document.path("rules");
        for (int i = 0; i < ruleNodes.size(); i++) {
            String at = "$.rules[" + i + "]";
            JsonNode node = ruleNodes.get(i);
            String name = node.path("name").asText();
            if (!names.add(name)) {
                violations.add(new Violation(at + ".name", "policy-unique-name", "two rules are named " + name));
            }
            PolicyTarget target = PolicyTarget.fromWireName(node.path("target").asText()).orElseThrow();
            Remedy remedy = node.has("remedy") ? Remedy.fromWireName(node.path("remedy").asText()) : null;
            if (remedy != null && target != PolicyTarget.CONTRACT_PROPOSAL) {
                violations.add(new Violation(at + ".remedy", "policy-remedy-target",
                        name + ": only contract-proposal rules have the remedy " + remedy.wireName()));
            }
            Map<OnboardingStage, Map<String, Object>> params = params(node.path("params"), at, name, violations);
            Set<String> paramNames = params.get(OnboardingStage.PILOT).keySet();
            for (String placeholder : PolicyRule.placeholders(node.path("message").asText())) {
                if (!paramNames.contains(placeholder)) {
                    violations.add(new Violation(at + ".message", "policy-message-params",
                            name + ": the message names {" + placeholder + "}, which is no param of the rule"));
                }
            }
            Map<OnboardingStage, Enforcement> enforcement = new EnumMap<>(OnboardingStage.class);
            for (OnboardingStage stage : OnboardingStage.values()) {
                enforcement.put(stage, Enforcement.fromWireName(
                        node.path("enforcement").path(stage.name().toLowerCase(Locale.ROOT)).asText()));
            }
            String condition = node.path("condition").asText();
            Cel cel = compiled().environments().get(target);
            CelValidationResult compiled = cel.compile(condition);
            if (compiled.hasError()) {
                violations.add(new Violation(at + ".condition", "policy-condition",
                        name + ": " + compiled.getErrorString()));
                continue;
            }
            try {
                rules.add(new PolicyRule(name, target, node.path("description").asText(null),
                        node.path("path").asText("$"), condition, node.path("message").asText(), enforcement, params,
                        remedy, cel.createProgram(compiled.getAst())));
            } catch (dev.cel.common.CelValidationException | CelEvaluationException e) {
                violations.add(new Violation(at + ".condition", "policy-condition", name + ": " + e.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw new GovernanceViolationException(violations);
        }
        return new PolicyRules(version, text, rules);
    }

    private static Map<OnboardingStage, Map<String, Object>> params(JsonNode node, String at, String name,
                                                                   List<Violation> violations) {
        Map<OnboardingStage, Map<String, Object>> params = new EnumMap<>(OnboardingStage.class);
        for (OnboardingStage stage : OnboardingStage.values()) {
            Map<String, Object> values = new LinkedHashMap<>();
            node.path(stage.name().toLowerCase(Locale.ROOT)).properties()
                    .forEach(param -> values.put(param.getKey(), CelValues.of(param.getValue())));
            params.put(stage, Map.copyOf(values));
        }
        Set<String> pilot = params.get(OnboardingStage.PILOT).keySet();
        for (OnboardingStage stage : OnboardingStage.values()) {
            if (!params.get(stage).keySet().equals(pilot)) {
                violations.add(new Violation(at + ".params", "policy-params-per-stage",
                        name + ": every stage names the same params; pilot has " + pilot + ", "
                                + stage.name().toLowerCase(Locale.ROOT) + " " + params.get(stage).keySet()));
                break;
            }
        }
        return params;
    }

    private static Cel environment(PolicyTarget target) {
        // int and double compare as numbers, as anyone writing "durationDays <= 90" expects
        CelBuilder builder = CelFactory.standardCelBuilder()
                .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.lists())
                .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.lists())
                .setResultType(SimpleType.BOOL);
        target.variables().forEach(builder::addVar);
        return builder.build();
    }

    private static String resource(String name) {
        try (InputStream in = PolicyCompiler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("not on the classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
