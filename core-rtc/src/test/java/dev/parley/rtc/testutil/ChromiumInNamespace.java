package dev.parley.rtc.testutil;

/**
 * Headless Chromium running in a network namespace of its own, joined to the host by a veth
 * pair: what every Chromium interop test needs before its first test. Closing stops Chromium and
 * deletes the namespace; a failed start leaves nothing behind.
 */
public final class ChromiumInNamespace implements AutoCloseable {
    private final NetworkNamespace namespace;
    private final ChromiumPeer chromium;

    private ChromiumInNamespace(NetworkNamespace namespace, ChromiumPeer chromium) {
        this.namespace = namespace;
        this.chromium = chromium;
    }

    /**
     * @param hostIp the host side of the veth link (where Parley gathers)
     * @param nsIp Chromium's side
     */
    public static ChromiumInNamespace start(String hostIp, String nsIp, String... extraFlags) throws Exception {
        NetworkNamespace ns = NetworkNamespace.create(hostIp, nsIp);
        try {
            return new ChromiumInNamespace(ns, ChromiumPeer.start(ns, extraFlags));
        } catch (Exception | Error e) {
            ns.close();
            throw e;
        }
    }

    public ChromiumPeer chromium() {
        return chromium;
    }

    public NetworkNamespace namespace() {
        return namespace;
    }

    @Override
    public void close() throws Exception {
        try {
            chromium.close();
        } finally {
            namespace.close();
        }
    }
}
