package org.meshgov.deprecation;

import java.util.List;

/** Consumer domains with grants in force on a contract's major version, as the command side sees them. */
public interface ActiveGrants {

    List<Consumer> on(String contractId, long majorVersion);
}
