package org.meshgov.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.meshgov.contract.validation.ContractStructureRules;
import org.meshgov.contract.validation.OdcsSchemaValidator;
import org.meshgov.governance.Violation;

/** What a document must satisfy on its own, before anything else is looked at: the ODCS schema, then meaning. */
public class ContractDocumentRules {

    private final OdcsSchemaValidator schema = new OdcsSchemaValidator();
    private final ContractStructureRules structure = new ContractStructureRules();

    public List<Violation> check(JsonNode document) {
        List<Violation> violations = new ArrayList<>(schema.validate(document));
        violations.addAll(structure.check(document));
        return violations;
    }
}
