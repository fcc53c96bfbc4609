package dev.parley.rtc.dtls;

/** Alerts BouncyCastle reports to our {@code TlsPeer}s, forwarded to the owning {@link DtlsTransport}. */
interface DtlsPeerEvents {

    void alertRaised(short level, short description, String message);

    void alertReceived(short level, short description);
}
