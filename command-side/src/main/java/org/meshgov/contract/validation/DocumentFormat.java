package org.meshgov.contract.validation;

/** The two syntaxes a contract document may be submitted in. Both are read as UTF-8. */
public enum DocumentFormat {
    YAML,
    JSON
}
