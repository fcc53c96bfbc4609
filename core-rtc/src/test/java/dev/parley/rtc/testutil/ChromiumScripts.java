package dev.parley.rtc.testutil;

/**
 * JavaScript that interop tests run in Chromium's page against its global {@code pc} (an
 * {@code RTCPeerConnection}), as statements for {@link ChromiumPeer#evalAsync}.
 */
public final class ChromiumScripts {
    /** Waits (10 s at most) until {@code pc} has gathered all its candidates. */
    public static final String AWAIT_GATHERED = "await new Promise((resolve, reject) => {\n"
            + "  if (pc.iceGatheringState === 'complete') return resolve();\n"
            + "  pc.addEventListener('icegatheringstatechange', () => {\n"
            + "    if (pc.iceGatheringState === 'complete') resolve();\n"
            + "  });\n"
            + "  setTimeout(() => reject(new Error('gathering not complete after 10 s: ' + pc.iceGatheringState)), 10000);\n"
            + "});\n";

    private ChromiumScripts() {}

    /** Waits (15 s at most) until {@code pc.connectionState} is {@code wanted}; fails early on 'failed'. */
    public static String awaitConnectionState(String wanted) {
        return "await new Promise((resolve, reject) => {\n"
                + "  const check = () => { if (pc.connectionState === '" + wanted + "') resolve();"
                + "    else if (pc.connectionState === 'failed' && '" + wanted + "' !== 'failed') reject(new Error('failed')); };\n"
                + "  pc.addEventListener('connectionstatechange', check); check();\n"
                + "  setTimeout(() => reject(new Error('connectionState ' + pc.connectionState)), 15000);\n"
                + "});\n";
    }

    /**
     * Returns the first {@code type} stats entry of {@code kind} ('audio' or 'video') as an object
     * of the named fields (missing ones as 0), or null if there is none.
     */
    public static String statsOf(String type, String kind, String... fields) {
        StringBuilder pick = new StringBuilder();
        for (String f : fields) {
            pick.append(f).append(": found.").append(f).append(" || 0, ");
        }
        return "let found = null; (await pc.getStats()).forEach(s => { if (!found && s.type === '" + type
                + "' && s.kind === '" + kind + "') found = s; });\n"
                + "return found && {" + pick + "};";
    }
}
