package cn.tongban.platform.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM2 (GB/T 32918) signatures with SM3 digests ("SM3withSM2", GB/T 35276), DER-encoded, with the default signer
 * identity {@code 1234567812345678}. Keys travel as X.509 SubjectPublicKeyInfo / PKCS#8 bytes.
 */
public final class Sm2 {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private Sm2() {}

  public static KeyPair generateKeyPair() {
    try {
      KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC", BC);
      kpg.initialize(new ECGenParameterSpec("sm2p256v1"));
      return kpg.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SM2 unavailable", e);
    }
  }

  public static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature s = Signature.getInstance("SM3withSM2", BC);
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SM2 signing failed", e);
    }
  }

  /** True only when {@code signature} is a valid SM2 signature of {@code message} by {@code key}; never throws. */
  public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature s = Signature.getInstance("SM3withSM2", BC);
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  public static PublicKey publicKey(byte[] x509) {
    try {
      return KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an SM2 public key", e);
    }
  }

  public static PrivateKey privateKey(byte[] pkcs8) {
    try {
      return KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an SM2 private key", e);
    }
  }
}
