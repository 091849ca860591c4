package cn.tongban.platform.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** SM4 (GB/T 32907) authenticated encryption in GCM mode: output is a 12-byte nonce followed by ciphertext+tag. */
public final class Sm4 {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Sm4() {}

  public static byte[] encrypt(byte[] key16, byte[] plain, byte[] aad) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher c = Cipher.getInstance("SM4/GCM/NoPadding", BC);
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key16, "SM4"), new GCMParameterSpec(128, nonce));
      c.updateAAD(aad);
      byte[] ct = c.doFinal(plain);
      byte[] out = Arrays.copyOf(nonce, 12 + ct.length);
      System.arraycopy(ct, 0, out, 12, ct.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SM4 encryption failed", e);
    }
  }

  public static byte[] decrypt(byte[] key16, byte[] sealed, byte[] aad) {
    try {
      Cipher c = Cipher.getInstance("SM4/GCM/NoPadding", BC);
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key16, "SM4"), new GCMParameterSpec(128, sealed, 0, 12));
      c.updateAAD(aad);
      return c.doFinal(sealed, 12, sealed.length - 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SM4 decryption failed: wrong key or altered data", e);
    }
  }
}
