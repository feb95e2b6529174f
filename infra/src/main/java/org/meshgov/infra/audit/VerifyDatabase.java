package org.meshgov.infra.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Verifies the chain of a meshgov database without running the engine: {@code java
 * -Dloader.main=org.meshgov.infra.audit.VerifyDatabase -cp meshgov.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher <jdbc-url> [user] [password]}. Exits 0
 * when every link up to the head holds, 1 with the first broken position otherwise.
 */
public final class VerifyDatabase {

    private VerifyDatabase() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: VerifyDatabase <jdbc-url> [user] [password]");
            System.exit(2);
        }
        Verification result = verify(args[0], args.length > 1 ? args[1] : null, args.length > 2 ? args[2] : null);
        if (result.firstBroken() == null) {
            System.out.println("verified " + result.verified() + " events: the chain holds");
            return;
        }
        System.out.println("verified " + result.verified() + " events; broken at position "
                + result.firstBroken().position() + ": expected " + result.firstBroken().expected() + ", found "
                + result.firstBroken().found());
        System.exit(1);
    }

    public static Verification verify(String url, String user, String password) {
        EventChainRepository chain = new EventChainRepository(
                new JdbcTemplate(new DriverManagerDataSource(url, user, password)));
        return chain.verify(1, chain.head().position());
    }
}
