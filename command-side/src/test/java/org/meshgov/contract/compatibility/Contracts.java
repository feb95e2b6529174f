package org.meshgov.contract.compatibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;

import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A small but complete contract to derive proposals from, and ways to reach into it. */
final class Contracts {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final String BASE = """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders-contract
            name: Orders
            version: 1.0.0
            status: active
            domain: sales
            description:
              purpose: Orders placed in the web shop
            tags: [sales]
            servers:
              - server: production
                type: postgres
                host: db.example.com
                port: 5432
                database: shop
                schema: public
            schema:
              - name: orders
                physicalName: orders_v1
                physicalType: table
                description: One row per order
                properties:
                  - name: order_id
                    logicalType: string
                    physicalType: varchar(36)
                    required: true
                    unique: true
                    primaryKey: true
                    primaryKeyPosition: 1
                    classification: internal
                    logicalTypeOptions:
                      minLength: 36
                      maxLength: 36
                      pattern: "^[0-9a-f-]+$"
                      format: uuid
                  - name: amount
                    logicalType: number
                    physicalType: decimal(10,2)
                    description: Total in euros
                    logicalTypeOptions:
                      minimum: 0
                      maximum: 10000
                    quality:
                      - id: amount_not_null
                        metric: nullValues
                        mustBe: 0
                        severity: error
                  - name: ordered_at
                    logicalType: date
                    physicalType: date
                    logicalTypeOptions:
                      minimum: "2020-01-01"
                  - name: lines
                    logicalType: array
                    logicalTypeOptions:
                      minItems: 1
                      maxItems: 100
                    items:
                      logicalType: object
                      properties:
                        - name: sku
                          logicalType: string
                          required: true
                quality:
                  - id: row_count
                    metric: rowCount
                    mustBeGreaterThan: 1000
                    description: At least a thousand orders a day
            slaProperties:
              - property: latency
                value: 4
                unit: h
                element: orders.ordered_at
              - property: availability
                value: 99.9%
              - property: retention
                value: 3
                unit: y
            """;

    private Contracts() {
    }

    static ObjectNode base() {
        return yaml(BASE);
    }

    static ObjectNode yaml(String text) {
        try {
            return (ObjectNode) YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode value(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArrayNode objects(ObjectNode contract) {
        return (ArrayNode) contract.get("schema");
    }

    static ObjectNode object(ObjectNode contract, String name) {
        return named(objects(contract), "name", name);
    }

    static ArrayNode properties(ObjectNode contract, String object) {
        return (ArrayNode) object(contract, object).get("properties");
    }

    static ObjectNode property(ObjectNode contract, String object, String property) {
        return named(properties(contract, object), "name", property);
    }

    static ObjectNode options(ObjectNode contract, String object, String property) {
        return (ObjectNode) property(contract, object, property).get("logicalTypeOptions");
    }

    static ObjectNode qualityRule(ObjectNode element, String id) {
        return named((ArrayNode) element.get("quality"), "id", id);
    }

    static ArrayNode slas(ObjectNode contract) {
        return (ArrayNode) contract.get("slaProperties");
    }

    static ObjectNode sla(ObjectNode contract, String property) {
        return named(slas(contract), "property", property);
    }

    static ObjectNode server(ObjectNode contract, String name) {
        return named((ArrayNode) contract.get("servers"), "server", name);
    }

    static void remove(ArrayNode array, String field, String value) {
        array.remove(indexOf(array, field, value));
    }

    /** Changes as (path, kind, code), the part every test checks. */
    static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertThatChanges(
            List<Change> changes) {
        return assertThat(changes).extracting(Change::path, Change::kind, Change::change);
    }

    private static ObjectNode named(ArrayNode array, String field, String value) {
        return (ObjectNode) array.get(indexOf(array, field, value));
    }

    private static int indexOf(ArrayNode array, String field, String value) {
        for (int i = 0; i < array.size(); i++) {
            if (value.equals(array.get(i).path(field).asText())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no element with " + field + " " + value);
    }
}
