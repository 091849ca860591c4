package cn.tongban.platform;

import cn.tongban.platform.crypto.Sm3;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A second SM2 signature implementation, written for the tests straight from the math of GB/T 32918.2 (affine
 * point arithmetic on {@link BigInteger}, Z value and digest computed by hand), sharing no code with BouncyCastle's
 * SM2 signer that the platform uses. Only SM3 is shared. Slow and not constant-time: for verification in tests only.
 */
public final class IndependentSm2 {
  public final BigInteger p;
  public final BigInteger a;
  public final BigInteger b;
  public final BigInteger n;
  public final BigInteger[] g;

  public IndependentSm2(String p, String a, String b, String n, String gx, String gy) {
    this.p = new BigInteger(p, 16);
    this.a = new BigInteger(a, 16);
    this.b = new BigInteger(b, 16);
    this.n = new BigInteger(n, 16);
    this.g = new BigInteger[] {new BigInteger(gx, 16), new BigInteger(gy, 16)};
  }

  /** The recommended curve sm2p256v1 of GB/T 32918.5. */
  public static IndependentSm2 recommended() {
    return new IndependentSm2("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF",
        "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC",
        "28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93",
        "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123",
        "32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7",
        "BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0");
  }

  /** The 256-bit example curve of GB/T 32918.2 appendix A (used by its signature example). */
  public static IndependentSm2 example() {
    return new IndependentSm2("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3",
        "787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498",
        "63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A",
        "8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7",
        "421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D",
        "0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2");
  }

  public BigInteger[] add(BigInteger[] P, BigInteger[] Q) {
    if (P == null) {
      return Q;
    }
    if (Q == null) {
      return P;
    }
    BigInteger lambda;
    if (P[0].equals(Q[0])) {
      if (P[1].add(Q[1]).mod(p).signum() == 0) {
        return null; // point at infinity
      }
      lambda = P[0].pow(2).multiply(BigInteger.valueOf(3)).add(a)
          .multiply(P[1].shiftLeft(1).modInverse(p)).mod(p);
    } else {
      lambda = Q[1].subtract(P[1]).multiply(Q[0].subtract(P[0]).modInverse(p)).mod(p);
    }
    BigInteger x = lambda.pow(2).subtract(P[0]).subtract(Q[0]).mod(p);
    BigInteger y = lambda.multiply(P[0].subtract(x)).subtract(P[1]).mod(p);
    return new BigInteger[] {x, y};
  }

  public BigInteger[] multiply(BigInteger k, BigInteger[] P) {
    BigInteger[] result = null;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      result = add(result, result);
      if (k.testBit(i)) {
        result = add(result, P);
      }
    }
    return result;
  }

  public boolean onCurve(BigInteger[] P) {
    return P[1].pow(2).subtract(P[0].pow(3)).subtract(a.multiply(P[0])).subtract(b).mod(p).signum() == 0;
  }

  /** Z_A = SM3(ENTL_A || ID_A || a || b || x_G || y_G || x_A || y_A). */
  public byte[] z(byte[] id, BigInteger[] publicKey) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int entl = id.length * 8;
    out.write(entl >> 8);
    out.write(entl & 0xFF);
    out.writeBytes(id);
    for (BigInteger v : new BigInteger[] {a, b, g[0], g[1], publicKey[0], publicKey[1]}) {
      out.writeBytes(fixed32(v));
    }
    return Sm3.digest(out.toByteArray());
  }

  public BigInteger e(byte[] id, BigInteger[] publicKey, byte[] message) {
    byte[] z = z(id, publicKey);
    byte[] m = Arrays.copyOf(z, z.length + message.length);
    System.arraycopy(message, 0, m, z.length, message.length);
    return new BigInteger(1, Sm3.digest(m));
  }

  /** Signs with a given k, as the standard's example does: returns {r, s}. */
  public BigInteger[] sign(BigInteger d, BigInteger k, byte[] id, byte[] message) {
    BigInteger[] publicKey = multiply(d, g);
    BigInteger e = e(id, publicKey, message);
    BigInteger x1 = multiply(k, g)[0];
    BigInteger r = e.add(x1).mod(n);
    BigInteger s = d.add(BigInteger.ONE).modInverse(n).multiply(k.subtract(r.multiply(d))).mod(n);
    return new BigInteger[] {r, s};
  }

  public boolean verify(BigInteger[] publicKey, byte[] id, byte[] message, BigInteger r, BigInteger s) {
    if (r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0 || s.compareTo(n) >= 0 || !onCurve(publicKey)) {
      return false;
    }
    BigInteger t = r.add(s).mod(n);
    if (t.signum() == 0) {
      return false;
    }
    BigInteger[] point = add(multiply(s, g), multiply(t, publicKey));
    return point != null && e(id, publicKey, message).add(point[0]).mod(n).equals(r);
  }

  /** Verifies a DER signature under an X.509 SubjectPublicKeyInfo key, with the default user ID. */
  public boolean verifyDer(byte[] x509PublicKey, byte[] message, byte[] derSignature) {
    byte[] xy = Arrays.copyOfRange(x509PublicKey, x509PublicKey.length - 64, x509PublicKey.length);
    if (x509PublicKey[x509PublicKey.length - 65] != 0x04) {
      throw new IllegalArgumentException("expected an uncompressed point");
    }
    BigInteger[] q = {new BigInteger(1, Arrays.copyOf(xy, 32)), new BigInteger(1, Arrays.copyOfRange(xy, 32, 64))};
    BigInteger[] rs = derIntegers(derSignature);
    return verify(q, DEFAULT_ID, message, rs[0], rs[1]);
  }

  public static final byte[] DEFAULT_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

  /** SEQUENCE { INTEGER r, INTEGER s } with short or long lengths. */
  static BigInteger[] derIntegers(byte[] der) {
    int[] pos = {0};
    if (der[pos[0]++] != 0x30) {
      throw new IllegalArgumentException("not a SEQUENCE");
    }
    length(der, pos);
    BigInteger[] out = new BigInteger[2];
    for (int i = 0; i < 2; i++) {
      if (der[pos[0]++] != 0x02) {
        throw new IllegalArgumentException("not an INTEGER");
      }
      int len = length(der, pos);
      out[i] = new BigInteger(Arrays.copyOfRange(der, pos[0], pos[0] + len));
      pos[0] += len;
    }
    return out;
  }

  private static int length(byte[] der, int[] pos) {
    int first = der[pos[0]++] & 0xFF;
    if (first < 0x80) {
      return first;
    }
    int len = 0;
    for (int i = 0; i < (first & 0x7F); i++) {
      len = (len << 8) | (der[pos[0]++] & 0xFF);
    }
    return len;
  }

  static byte[] fixed32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }
}
