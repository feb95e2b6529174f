package org.meshgov;

import org.meshgov.infra.startup.BootClassPreloader;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MeshgovApplication {

    public static void main(String[] args) {
        BootClassPreloader.start(MeshgovApplication.class.getClassLoader());
        SpringApplication.run(MeshgovApplication.class, args);
    }
}
