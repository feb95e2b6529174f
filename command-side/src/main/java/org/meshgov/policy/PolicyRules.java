package org.meshgov.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.meshgov.domain.OnboardingStage;

/** One version of the policy set: its document as written and its rules, compiled and ready to judge cases. */
public final class PolicyRules {

    private final long version;
    private final String document;
    private final List<PolicyRule> rules;

    PolicyRules(long version, String document, List<PolicyRule> rules) {
        this.version = version;
        this.document = document;
        this.rules = List.copyOf(rules);
    }

    public long version() {
        return version;
    }

    public String document() {
        return document;
    }

    public List<PolicyRule> rules() {
        return rules;
    }

    /** SHA-256 of the document's UTF-8 bytes, in hex: two versions with one hash say the same thing word for word. */
    public String contentHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Judges one case: every rule of the target that is not off at the stage. */
    public PolicyVerdict evaluate(PolicyTarget target, OnboardingStage stage, Map<String, Object> facts) {
        List<PolicyVerdict.Failure> failures = new ArrayList<>();
        for (PolicyRule rule : rules) {
            Enforcement enforcement = rule.enforcementAt(stage);
            if (rule.target() != target || enforcement == Enforcement.OFF) {
                continue;
            }
            rule.failure(stage, facts).ifPresent(message ->
                    failures.add(new PolicyVerdict.Failure(rule, enforcement, message)));
        }
        return new PolicyVerdict(version, stage, failures);
    }

    /** What changes from {@code earlier} to this version, one line per rule added, removed or changed. */
    public List<String> changesFrom(PolicyRules earlier) {
        List<String> changes = new ArrayList<>();
        Map<String, PolicyRule> before = new LinkedHashMap<>();
        earlier.rules.forEach(rule -> before.put(rule.name(), rule));
        for (PolicyRule rule : rules) {
            PolicyRule old = before.remove(rule.name());
            if (old == null) {
                changes.add("added " + rule.name() + " (" + rule.target().wireName() + "): " + enforcementOf(rule));
            } else {
                List<String> differences = differences(old, rule);
                if (!differences.isEmpty()) {
                    changes.add("changed " + rule.name() + ": " + String.join("; ", differences));
                }
            }
        }
        before.keySet().forEach(name -> changes.add("removed " + name));
        return changes;
    }

    private static List<String> differences(PolicyRule old, PolicyRule rule) {
        List<String> differences = new ArrayList<>();
        if (old.target() != rule.target()) {
            differences.add("target " + old.target().wireName() + " -> " + rule.target().wireName());
        }
        for (OnboardingStage stage : OnboardingStage.values()) {
            if (old.enforcementAt(stage) != rule.enforcementAt(stage)) {
                differences.add(stage.name().toLowerCase(Locale.ROOT) + " " + old.enforcementAt(stage).wireName() + " -> "
                        + rule.enforcementAt(stage).wireName());
            }
            if (!old.params().get(stage).equals(rule.params().get(stage))) {
                differences.add(stage.name().toLowerCase(Locale.ROOT) + " params " + old.params().get(stage) + " -> "
                        + rule.params().get(stage));
            }
        }
        if (!old.condition().equals(rule.condition())) {
            differences.add("condition " + old.condition() + " -> " + rule.condition());
        }
        if (!old.message().equals(rule.message())) {
            differences.add("message");
        }
        if (old.remedy() != rule.remedy()) {
            differences.add("remedy " + old.remedy() + " -> " + rule.remedy());
        }
        if (!Objects.equals(old.path(), rule.path())) {
            differences.add("path " + old.path() + " -> " + rule.path());
        }
        return differences;
    }

    private static String enforcementOf(PolicyRule rule) {
        List<String> stages = new ArrayList<>();
        for (OnboardingStage stage : OnboardingStage.values()) {
            stages.add(stage.name().toLowerCase(Locale.ROOT) + " " + rule.enforcementAt(stage).wireName());
        }
        return String.join(", ", stages);
    }
}
