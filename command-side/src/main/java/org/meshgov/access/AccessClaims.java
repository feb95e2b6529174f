package org.meshgov.access;

import java.util.List;

/** Open requests and active grants, to refuse a second one for the same consumer, contract major and properties. */
public interface AccessClaims {

    /** Request ids of open requests or active grants that hold this scope. */
    List<String> holding(AccessScope scope);
}
