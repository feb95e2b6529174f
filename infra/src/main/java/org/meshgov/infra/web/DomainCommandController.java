package org.meshgov.infra.web;

import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.meshgov.domain.RegisterDomainCommand;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/domains")
public class DomainCommandController {

    public record RegisterDomainRequest(String id, String name, String description, String ownerGroup,
                                        String memberGroup) {
    }

    private final CommandGateway commands;

    public DomainCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> register(@RequestBody RegisterDomainRequest request) {
        commands.sendAndWait(new RegisterDomainCommand(request.id(), request.name(), request.description(),
                request.ownerGroup(), request.memberGroup(), CurrentActor.get()));
        return Map.of("id", request.id());
    }
}
