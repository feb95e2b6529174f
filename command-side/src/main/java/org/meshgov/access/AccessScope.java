package org.meshgov.access;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** What a consumer domain may read: a contract's major version and a set of properties (empty = all). */
public record AccessScope(String consumerDomain, String contractId, long majorVersion, SortedSet<String> properties) {

    public AccessScope {
        properties = new TreeSet<>(properties);
    }

    public static AccessScope of(String consumerDomain, String contractId, long majorVersion, List<String> properties) {
        return new AccessScope(consumerDomain, contractId, majorVersion, new TreeSet<>(properties));
    }

    public boolean wholeContract() {
        return properties.isEmpty();
    }

    /** One string per scope, so that equal scopes can be found with one equality. */
    public String propertiesKey() {
        return wholeContract() ? "*" : String.join(",", properties);
    }
}
