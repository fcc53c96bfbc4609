package dev.parley.rtc.codec;

/** The two G.711 laws as the codec classes use them: encoding name and sample conversion. */
enum G711Law {
    PCMU("PCMU") {
        @Override
        byte encode(short sample) {
            return G711.encodeMuLaw(sample);
        }

        @Override
        short decode(byte code) {
            return G711.decodeMuLaw(code);
        }
    },
    PCMA("PCMA") {
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

    G711Law(String encodingName) {
        this.encodingName = encodingName;
    }

    String encodingName() {
        return encodingName;
    }

    abstract byte encode(short sample);

    abstract short decode(byte code);
}
