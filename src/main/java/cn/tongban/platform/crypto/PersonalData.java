package cn.tongban.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest (citizen ID numbers, mobile numbers, form contents): sealed with SM4-GCM under a key derived
 * from the master key, and found through a keyed SM3 blind index (HMAC-SM3), so equality look-ups work without the
 * plaintext ever being stored. Both keys live only in configuration, never in the database.
 */
@Component
public class PersonalData {
  private final byte[] encryptionKey;
  private final byte[] indexKey;

  PersonalData(MasterKey masterKey) {
    this.encryptionKey = Arrays.copyOf(masterKey.derive("personal-data-encryption"), 16);
    this.indexKey = masterKey.derive("personal-data-blind-index");
  }

  /** Seals a value; {@code kind} (e.g. "citizen-id") is bound into the ciphertext, so values cannot be swapped. */
  public byte[] seal(String value, String kind) {
    return value == null ? null
        : Sm4.encrypt(encryptionKey, value.getBytes(StandardCharsets.UTF_8), kind.getBytes(StandardCharsets.UTF_8));
  }

  public String open(byte[] sealed, String kind) {
    return sealed == null ? null
        : new String(Sm4.decrypt(encryptionKey, sealed, kind.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  /** The blind index of a value: the same value of the same kind always gives the same 64 hex characters. */
  public String index(String value, String kind) {
    if (value == null) {
      return null;
    }
    HMac mac = new HMac(new SM3Digest());
    mac.init(new KeyParameter(indexKey));
    byte[] in = (kind + "\u001f" + value).getBytes(StandardCharsets.UTF_8);
    mac.update(in, 0, in.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return HexFormat.of().formatHex(out);
  }
}
