package org.meshgov.infra.metrics;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps the {@code domain} label of the meters bounded: the first {@code max} domains met keep
 * their id, every later one is labelled {@value #OTHER}. Domains are registered by platform admins,
 * so the bound is a guard, not an everyday limit.
 */
public class DomainTags {

    public static final String OTHER = "other";

    private final int max;
    private final Set<String> named = new HashSet<>();

    public DomainTags(int max) {
        this.max = max;
    }

    public synchronized String tagFor(String domain) {
        if (named.contains(domain) || named.size() < max && named.add(domain)) {
            return domain;
        }
        return OTHER;
    }
}
