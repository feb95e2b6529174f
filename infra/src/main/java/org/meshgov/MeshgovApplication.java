package org.meshgov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MeshgovApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeshgovApplication.class, args);
    }
}
