package org.meshgov.identity;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Auditors read everything and change nothing: whatever other groups they are in, a command asked
 * for by an auditor is refused where commands are handled, whichever way it arrived.
 */
public class AuditorsIssueNoCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof ActedCommand acted
                && acted.actor().isMemberOf(GlobalGroups.AUDITORS)) {
            throw new NotAllowedException(acted.actor().userId() + " is an auditor; auditors issue no commands");
        }
        return chain.proceed();
    }
}
