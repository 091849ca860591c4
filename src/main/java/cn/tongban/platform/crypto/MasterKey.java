package cn.tongban.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's key-encryption key (SM4, 128 bit). It never lives in the database: production sets
 * {@code TONGBAN_MASTER_KEY} (base64 of 16 bytes); only the demo profile ({@code tongban.crypto.generate-dev-key})
 * generates one once into {@code data/master.key} beside the embedded database, read once at start-up and then
 * held only in memory. All nodes of a cluster must share the same value.
 */
@Component
public class MasterKey {
  private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
  private final byte[] key;

  MasterKey(@Value("${tongban.crypto.master-key:}") String configured,
      @Value("${tongban.crypto.master-key-file:data/master.key}") String file,
      @Value("${tongban.crypto.generate-dev-key:false}") boolean devKey) {
    if (configured.isBlank() && !devKey) {
      throw new IllegalStateException("TONGBAN_MASTER_KEY is not set; only the demo profile generates a key file");
    }
    this.key = configured.isBlank() ? fromFile(Path.of(file)) : decode(configured);
  }

  private static byte[] decode(String b64) {
    byte[] k = Base64.getDecoder().decode(b64.trim());
    if (k.length != 16) {
      throw new IllegalStateException("tongban.crypto.master-key must be base64 of exactly 16 bytes");
    }
    return k;
  }

  private static byte[] fromFile(Path file) {
    try {
      if (Files.exists(file)) {
        return decode(Files.readString(file));
      }
      byte[] k = new byte[16];
      new SecureRandom().nextBytes(k);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, Base64.getEncoder().encodeToString(k));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      log.warn("Generated a development master key in {}; set TONGBAN_MASTER_KEY in production", file.toAbsolutePath());
      return k;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sub-key for one purpose: HMAC-SM3 of the purpose under the master key (32 bytes). */
  public byte[] derive(String purpose) {
    HMac mac = new HMac(new SM3Digest());
    mac.init(new KeyParameter(key));
    byte[] in = purpose.getBytes(StandardCharsets.UTF_8);
    mac.update(in, 0, in.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  public byte[] seal(byte[] plain, String purpose) {
    return Sm4.encrypt(key, plain, purpose.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] open(byte[] sealed, String purpose) {
    return Sm4.decrypt(key, sealed, purpose.getBytes(StandardCharsets.UTF_8));
  }
}
