package org.meshgov.infra.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Loads, on a thread of its own, the classes a boot of the engine is known to load, in the order it
 * loads them ({@value #CLASS_LIST}, recorded by {@code bench/record-boot-classes.sh}). A boot spends
 * about 40% of its time finding, reading and defining some 16,000 classes, almost all on the main
 * thread, while the second core waits; loaded ahead, they are there when the main thread asks for
 * them (benchmark 6, ADR 16). Classes are only loaded, never initialised, so no static initialiser
 * runs earlier or elsewhere than it would; a name this build no longer has is skipped.
 */
public final class BootClassPreloader {

    static final String CLASS_LIST = "META-INF/meshgov/boot-classes.txt.gz";

    private BootClassPreloader() {
    }

    /** Starts loading in the background, unless {@code MESHGOV_STARTUP_PARALLEL} is {@code false}. */
    public static void start(ClassLoader loader) {
        String parallel = System.getProperty(ParallelStartup.ENABLED, System.getenv("MESHGOV_STARTUP_PARALLEL"));
        if ("false".equalsIgnoreCase(parallel)) {
            return;
        }
        Thread preloader = new Thread(() -> preload(loader), "boot-class-preloader");
        preloader.setDaemon(true);
        preloader.start();
    }

    /** Loads the listed classes that this class loader has; returns how many it loaded. */
    static int preload(ClassLoader loader) {
        int loaded = 0;
        try (InputStream list = loader.getResourceAsStream(CLASS_LIST)) {
            if (list == null) {
                return 0;
            }
            BufferedReader names = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(list), StandardCharsets.UTF_8));
            for (String name = names.readLine(); name != null; name = names.readLine()) {
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError notHere) {
                    // recorded with another build or configuration: the boot does not need it
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }
}
