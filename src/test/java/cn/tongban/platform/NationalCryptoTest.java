package cn.tongban.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.platform.crypto.Sm2;
import cn.tongban.platform.crypto.Sm3;
import cn.tongban.platform.crypto.Sm4;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class NationalCryptoTest {

  @Test
  void sm3MatchesTheGbt32905TestVectors() {
    assertThat(Sm3.hex("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    assertThat(Sm3.hex("abcd".repeat(16)))
        .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  }

  @Test
  void sm2SignaturesVerifyAndDetectAnyChange() {
    KeyPair kp = Sm2.generateKeyPair();
    byte[] msg = "电子证照 license".getBytes(StandardCharsets.UTF_8);
    byte[] sig = Sm2.sign(kp.getPrivate(), msg);
    assertThat(Sm2.verify(kp.getPublic(), msg, sig)).isTrue();
    assertThat(Sm2.verify(Sm2.publicKey(kp.getPublic().getEncoded()), msg, sig)).isTrue();
    msg[0] ^= 1;
    assertThat(Sm2.verify(kp.getPublic(), msg, sig)).isFalse();
    assertThat(Sm2.verify(Sm2.generateKeyPair().getPublic(), "x".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
  }

  @Test
  void sm4GcmRoundTripsAndRefusesAlteredData() {
    byte[] key = new byte[16];
    byte[] sealed = Sm4.encrypt(key, "330782199001011239".getBytes(StandardCharsets.UTF_8), "aad".getBytes());
    assertThat(new String(Sm4.decrypt(key, sealed, "aad".getBytes()), StandardCharsets.UTF_8))
        .isEqualTo("330782199001011239");
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> Sm4.decrypt(key, sealed, "aad".getBytes())).isInstanceOf(IllegalStateException.class);
  }
}
