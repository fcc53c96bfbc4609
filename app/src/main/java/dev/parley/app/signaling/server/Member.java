package dev.parley.app.signaling.server;

/** One connection on the hub: unnamed until it registers, and in at most one call at a time. */
final class Member {
    final ClientConnection connection;
    String name;
    Call call;

    Member(ClientConnection connection) {
        this.connection = connection;
    }

    boolean isRegistered() {
        return name != null;
    }
}
