package org.meshgov.infra.audit;

import java.util.List;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signed checkpoints of the chain head and the key that checks them. Auditors read them; taking one
 * on demand is an operation on the engine, so only platform admins do (auditors issue no commands).
 */
@RestController
@RequestMapping("/api/audit")
public class AuditCheckpointController {

    private static final int MAX_PAGE = 1000;

    private final ChainCheckpoints checkpoints;
    private final CheckpointSigner signer;

    public AuditCheckpointController(ChainCheckpoints checkpoints, CheckpointSigner signer) {
        this.checkpoints = checkpoints;
        this.signer = signer;
    }

    public record SigningKey(String algorithm, String format, String publicKey) {
    }

    @GetMapping("/public-key")
    public SigningKey publicKey() {
        requireReader();
        return new SigningKey("Ed25519", "X.509", signer.publicKeyBase64());
    }

    @GetMapping("/checkpoints")
    public List<PublishedCheckpoint> checkpoints(@RequestParam(defaultValue = "20") int limit) {
        requireReader();
        return checkpoints.latest(Math.max(1, Math.min(limit, MAX_PAGE))).stream().map(PublishedCheckpoint::of)
                .toList();
    }

    /** 201 with the new checkpoint; 200 with the latest when the head has not moved since; 204 on an empty chain. */
    @PostMapping("/checkpoints")
    public ResponseEntity<PublishedCheckpoint> take() {
        if (!CurrentActor.get().isMemberOf(GlobalGroups.PLATFORM_ADMINS)) {
            throw new NotAllowedException("only platform admins take checkpoints");
        }
        return checkpoints.take()
                .map(taken -> ResponseEntity.status(HttpStatus.CREATED).body(PublishedCheckpoint.of(taken)))
                .orElseGet(() -> checkpoints.latest(1).stream().findFirst()
                        .map(latest -> ResponseEntity.ok(PublishedCheckpoint.of(latest)))
                        .orElseGet(() -> ResponseEntity.noContent().build()));
    }

    private static void requireReader() {
        Actor actor = CurrentActor.get();
        if (!actor.isMemberOf(GlobalGroups.AUDITORS) && !actor.isMemberOf(GlobalGroups.PLATFORM_ADMINS)) {
            throw new NotAllowedException("only auditors and platform admins read checkpoints");
        }
    }
}
