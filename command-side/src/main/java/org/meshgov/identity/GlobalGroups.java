package org.meshgov.identity;

/** The groups whose rights span every domain. */
public final class GlobalGroups {
    public static final String GOVERNANCE_REVIEWERS = "governance-reviewers";
    public static final String PRIVACY_OFFICERS = "privacy-officers";
    public static final String AUDITORS = "auditors";
    public static final String PLATFORM_ADMINS = "platform-admins";

    private GlobalGroups() {
    }
}
