/**
 * SRTP and SRTCP (RFC 3711) with the AES_CM_128_HMAC_SHA1_80/_32 and AEAD_AES_128_GCM (RFC 7714)
 * protection profiles, keyed from DTLS-SRTP (RFC 5764).
 *
 * <ul>
 *   <li>{@link dev.parley.rtc.srtp.SrtpSession}: protect/unprotect (into new arrays, or for RTP
 *       into the caller's buffer, in place if asked), per-SSRC contexts, replay windows of 1024,
 *       drop counters.</li>
 *   <li>{@link dev.parley.rtc.srtp.DtlsSrtpKeys}: splits DTLS exported keying material into the
 *       local and remote {@link dev.parley.rtc.srtp.SrtpMasterKey}.</li>
 *   <li>{@link dev.parley.rtc.srtp.SrtpProfile}: ids and lengths.</li>
 * </ul>
 *
 * Inside: {@code KeyDerivation} (§4.3), {@code PacketTransform} with {@code AesCmHmacTransform}
 * and {@code AesGcmTransform} (bytes only), {@code HmacSha1} (RFC 2104 on the JDK's SHA-1),
 * {@code RolloverState} (§3.3.1), {@code ReplayWindow} (§3.3.2), {@code SrtpSender}/{@code SrtpReceiver}
 * (the order of the steps). Only the JDK's {@code javax.crypto} and {@code MessageDigest} are used,
 * whose AES, GHASH and SHA-1 the JIT runs on the CPU's AES-NI, CLMUL and SHA instructions; see
 * {@code SrtpBenchmark} for what that costs per packet. No key byte is ever logged or printed.
 */
package dev.parley.rtc.srtp;
