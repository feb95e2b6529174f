package org.meshgov.hostile;

/** One hostile request: who sends it, where, and the exact bytes. */
record HostileCase(String group, String user, String method, String path, String contentType, byte[] body) {

    boolean reachesOurApi() {
        return path.startsWith("/api/");
    }
}
