package dev.parley.rtc;

import dev.parley.rtc.dtls.DtlsSettings;
import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.net.Net;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about a peer connection that the W3C API has no word for (pion's
 * {@code SettingEngine}): which {@link Net} to use, ICE and DTLS timing, RTCP report interval.
 *
 * @param net the sockets, clocks and executors to use; empty: each peer connection opens (and
 *     closes) its own {@code RealNet}
 * @param earlySrtpQueue how many SRTP/SRTCP packets to hold while the DTLS handshake has not yet
 *     produced keys (Chromium may send media before our handshake completes)
 */
public record EngineSettings(Optional<Net> net, IceSettings ice, DtlsSettings dtls, SecureRandom random,
        Duration rtcpReportInterval, int earlySrtpQueue) {

    public EngineSettings {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(ice, "ice");
        Objects.requireNonNull(dtls, "dtls");
        Objects.requireNonNull(random, "random");
        if (rtcpReportInterval.isNegative() || rtcpReportInterval.isZero()) {
            throw new IllegalArgumentException("rtcpReportInterval must be positive: " + rtcpReportInterval);
        }
        if (earlySrtpQueue < 0) {
            throw new IllegalArgumentException("earlySrtpQueue must not be negative: " + earlySrtpQueue);
        }
    }

    public static EngineSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.net = net.orElse(null);
        return b.ice(ice).dtls(dtls).random(random).rtcpReportInterval(rtcpReportInterval)
                .earlySrtpQueue(earlySrtpQueue);
    }

    public static final class Builder {
        private Net net;
        private IceSettings ice = IceSettings.DEFAULTS;
        private DtlsSettings dtls = DtlsSettings.defaults();
        private SecureRandom random;
        private Duration rtcpReportInterval = Duration.ofSeconds(1);
        private int earlySrtpQueue = 128;

        private Builder() {}

        /** Shares one {@link Net} (and its I/O thread) between peer connections; the caller closes it. */
        public Builder net(Net net) {
            this.net = net;
            return this;
        }

        public Builder ice(IceSettings ice) {
            this.ice = ice;
            return this;
        }

        public Builder dtls(DtlsSettings dtls) {
            this.dtls = dtls;
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = random;
            return this;
        }

        public Builder rtcpReportInterval(Duration interval) {
            this.rtcpReportInterval = interval;
            return this;
        }

        public Builder earlySrtpQueue(int packets) {
            this.earlySrtpQueue = packets;
            return this;
        }

        public EngineSettings build() {
            return new EngineSettings(Optional.ofNullable(net), ice, dtls,
                    random != null ? random : new SecureRandom(), rtcpReportInterval, earlySrtpQueue);
        }
    }
}
