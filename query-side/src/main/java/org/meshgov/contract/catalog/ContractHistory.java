package org.meshgov.contract.catalog;

import java.time.Instant;
import java.util.Optional;

/** The catalog entry of a contract as it was at an instant, answered from the event log. */
public interface ContractHistory {

    Optional<ContractView> asOf(String contractId, Instant instant);
}
