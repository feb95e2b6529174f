package org.meshgov.infra.audit;

/**
 * The last link the chain holds. Auditors who write it down can later tell whether the log was
 * rewritten from some point on, which a chain that is merely consistent cannot show.
 */
public record ChainHead(long position, String hash) {
}
