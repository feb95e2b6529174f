package org.meshgov.infra.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * Verifies a JSON-lines export offline against a signed checkpoint: {@code java
 * -Dloader.main=org.meshgov.infra.audit.VerifyExportWithCheckpoint -cp meshgov.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher export.jsonl --checkpoint checkpoint.json
 * --public-key <base64>}. Exits 0 when the signature, the chain and the checkpoint's hash all hold, 1
 * when one does not, 2 on wrong arguments. Without the two options it checks the chain alone, as
 * {@link VerifyExport} does.
 */
public final class VerifyExportWithCheckpoint {

    private static final String USAGE =
            "usage: VerifyExportWithCheckpoint <export.jsonl> [--checkpoint <checkpoint.json> --public-key <base64>]";

    private VerifyExportWithCheckpoint() {
    }

    public static void main(String[] args) throws IOException {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The exit status, so that it can be tested without ending the JVM. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Arguments arguments = Arguments.parse(args);
        if (arguments == null) {
            err.println(USAGE);
            return 2;
        }
        if (arguments.checkpoint() == null) {
            return report(VerifyExport.verify(arguments.export()), out);
        }
        PublicKey key;
        Checkpoint checkpoint;
        try {
            key = CheckpointVerifier.publicKey(arguments.publicKey());
            checkpoint = CheckpointVerifier.read(arguments.checkpoint());
        } catch (IllegalArgumentException | IOException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        CheckpointVerification result = CheckpointVerifier.verify(checkpoint, key, arguments.export());
        int chainStatus = report(result.chain(), out);
        if (!result.signatureHolds()) {
            out.println("the checkpoint's signature does not hold with the given public key");
        } else if (!result.reachesCheckpoint()) {
            out.println("the export does not reach the checkpoint: at position " + result.checkpointPosition()
                    + " the checkpoint signed " + result.checkpointHash() + ", the export has " + result.foundHash());
        } else {
            out.println("the export reaches the signed checkpoint at position " + result.checkpointPosition());
        }
        return result.holds() && chainStatus == 0 ? 0 : 1;
    }

    private static int report(Verification result, PrintStream out) {
        if (result.firstBroken() == null) {
            out.println("verified " + result.verified() + " events: the chain holds");
            return 0;
        }
        out.println("verified " + result.verified() + " events; broken at position "
                + result.firstBroken().position() + ": expected " + result.firstBroken().expected() + ", found "
                + result.firstBroken().found());
        return 1;
    }

    private record Arguments(Path export, Path checkpoint, String publicKey) {

        /** Null when the arguments make no sense: both options or neither, each once. */
        static Arguments parse(String[] args) {
            Path export = null;
            Path checkpoint = null;
            String publicKey = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--checkpoint" -> {
                        if (checkpoint != null || ++i == args.length) {
                            return null;
                        }
                        checkpoint = Path.of(args[i]);
                    }
                    case "--public-key" -> {
                        if (publicKey != null || ++i == args.length) {
                            return null;
                        }
                        publicKey = args[i];
                    }
                    default -> {
                        if (export != null || args[i].startsWith("--")) {
                            return null;
                        }
                        export = Path.of(args[i]);
                    }
                }
            }
            if (export == null || (checkpoint == null) != (publicKey == null)) {
                return null;
            }
            return new Arguments(export, checkpoint, publicKey);
        }
    }
}
