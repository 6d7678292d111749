package org.watchbrief.digest;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The Digest model as JSON, the form the store keeps it in between steps and for resends. */
public final class DigestJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private DigestJson() {
    }

    public static String write(Digest digest) {
        return MAPPER.writeValueAsString(digest);
    }

    public static Digest read(String json) {
        return MAPPER.readValue(json, Digest.class);
    }
}
