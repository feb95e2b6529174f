package org.meshgov.infra.webhook;

import java.util.List;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.infra.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What became of each webhook: whether provisioning got a grant or a revocation, and if not, why. */
@RestController
@RequestMapping("/api/admin/webhooks")
public class WebhookAdminController {

    private static final int MAX_LIMIT = 500;

    private final WebhookOutbox outbox;

    public WebhookAdminController(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    /** The newest deliveries first, at most {@value #MAX_LIMIT}. */
    @GetMapping("/deliveries")
    public List<WebhookDelivery> deliveries(@RequestParam(required = false) WebhookDeliveryStatus status,
                                            @RequestParam(defaultValue = "100") int limit) {
        if (!CurrentActor.get().isMemberOf(GlobalGroups.PLATFORM_ADMINS)) {
            throw new NotAllowedException("only platform admins see webhook deliveries");
        }
        return outbox.deliveries(status, Math.max(1, Math.min(limit, MAX_LIMIT)));
    }
}
