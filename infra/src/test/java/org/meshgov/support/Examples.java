package org.meshgov.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo contracts from {@code examples/}, with a fresh id per test so tests never share a contract. */
public final class Examples {

    private Examples() {
    }

    public static String read(String file) {
        try {
            return Files.readString(Path.of("..", "examples", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String ordersContract(String file, String contractId) {
        return read(file).replace("id: orders-placed", "id: " + contractId);
    }
}
