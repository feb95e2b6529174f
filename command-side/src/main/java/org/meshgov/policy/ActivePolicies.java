package org.meshgov.policy;

/** The policy set in force, as the command side sees it at the moment a command is handled. */
public interface ActivePolicies {

    PolicyRules current();
}
