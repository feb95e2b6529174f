package org.meshgov.contract.validation;

import java.util.OptionalInt;

/**
 * The submitted bytes are not one well-formed contract document: a syntax error, truncated input,
 * bytes that are not UTF-8, a duplicate key, more than one document, a top level that is not a
 * mapping, or input beyond one of the parser's safety limits.
 *
 * <p>{@link #getMessage()} is meant for the submitter; it names the line and column (both 1-based)
 * when they are known, and they are also available as {@link #line()} and {@link #column()}.
 */
public class MalformedDocumentException extends RuntimeException {
    private final int line;
    private final int column;

    public MalformedDocumentException(String reason) {
        this(reason, 0, 0, null);
    }

    public MalformedDocumentException(String reason, int line, int column) {
        this(reason, line, column, null);
    }

    public MalformedDocumentException(String reason, int line, int column, Throwable cause) {
        super(line > 0 ? reason + " (line " + line + (column > 0 ? ", column " + column : "") + ")" : reason, cause);
        this.line = Math.max(line, 0);
        this.column = line > 0 ? Math.max(column, 0) : 0;
    }

    /** 1-based line of the problem, when known. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    /** 1-based column of the problem, when known. */
    public OptionalInt column() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }
}
