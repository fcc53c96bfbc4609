package dev.parley.rtc.codec;

/** The two G.711 laws as the codec classes use them: name, payload type and sample conversion. */
enum G711Law {
    PCMU("PCMU", G711.PCMU_PAYLOAD_TYPE) {
        @Override
        byte encode(short sample) {
            return G711.encodeMuLaw(sample);
        }

        @Override
        short decode(byte code) {
            return G711.decodeMuLaw(code);
        }
    },
    PCMA("PCMA", G711.PCMA_PAYLOAD_TYPE) {
        @Override
        byte encode(short sample) {
            return G711.encodeALaw(sample);
        }

        @Override
        short decode(byte code) {
            return G711.decodeALaw(code);
        }
    };

    private final String encodingName;
    private final int payloadType;

    G711Law(String encodingName, int payloadType) {
        this.encodingName = encodingName;
        this.payloadType = payloadType;
    }

    String encodingName() {
        return encodingName;
    }

    int payloadType() {
        return payloadType;
    }

    abstract byte encode(short sample);

    abstract short decode(byte code);
}
