package org.meshgov.infra.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class BootClassPreloaderTest {

    @Test
    void theRecordedClassListStillNamesTheClassesOfThisBuild() throws Exception {
        List<String> names;
        try (BufferedReader list = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                getClass().getClassLoader().getResourceAsStream(BootClassPreloader.CLASS_LIST)), StandardCharsets.UTF_8))) {
            names = list.lines().toList();
        }

        int loaded = BootClassPreloader.preload(getClass().getClassLoader());

        assertThat(names).hasSizeGreaterThan(10_000);
        assertThat(loaded).as("classes of the list this build has (re-record it with bench/record-boot-classes.sh)")
                .isGreaterThan(names.size() * 95 / 100);
    }

    @Test
    void aClassLoaderWithoutTheListPreloadsNothing() {
        assertThat(BootClassPreloader.preload(new ClassLoader(null) {
        })).isZero();
    }
}
