package org.watchbrief.digest;

import org.junit.jupiter.api.Test;
import org.watchbrief.support.Digests;

import static org.assertj.core.api.Assertions.assertThat;

class DigestJsonTests {

    @Test
    void aDigestStoredAsJsonComesBackTheSame() {
        // given
        Digest digest = Digests.aDigest().build();
        // when
        Digest back = DigestJson.read(DigestJson.write(digest));
        // then
        assertThat(back).isEqualTo(digest);
    }

    @Test
    void anEmptyDigestComesBackTheSame() {
        // given
        Digest digest = Digests.anEmptyDigest().build();
        // when
        Digest back = DigestJson.read(DigestJson.write(digest));
        // then
        assertThat(back).isEqualTo(digest);
        assertThat(back.hasNoDocuments()).isTrue();
    }
}
