package cn.tongban.platform.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905) hashing. */
public final class Sm3 {
  private Sm3() {}

  public static byte[] digest(byte[] data) {
    SM3Digest d = new SM3Digest();
    d.update(data, 0, data.length);
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }

  public static String hex(byte[] data) {
    return HexFormat.of().formatHex(digest(data));
  }

  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String hex(InputStream in) throws IOException {
    SM3Digest d = new SM3Digest();
    byte[] buf = new byte[64 * 1024];
    int n;
    while ((n = in.read(buf)) > 0) {
      d.update(buf, 0, n);
    }
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return HexFormat.of().formatHex(out);
  }
}
