package org.meshgov.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshgov.identity.ActedCommand;

/** Every command on an access request, or on the grant it became, names the request and who asks. */
public interface AccessCommand extends ActedCommand {

    /** The request id, which is also the id of the grant it leads to. */
    String requestId();

    @TargetAggregateIdentifier
    default String aggregateId() {
        return AccessRequest.aggregateId(requestId());
    }
}
