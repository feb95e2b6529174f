package org.meshgov.policy;

import java.util.List;

/** What the proposer learns at once: the version number it got and what it changes. */
public record PolicyChangeProposed(long version, long basedOn, String status, List<String> changes) {
}
