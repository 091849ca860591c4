package cn.tongban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.platform.crypto.Sm2;
import cn.tongban.platform.crypto.Sm3;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.util.test.TestRandomBigInteger;
import org.junit.jupiter.api.Test;

/**
 * The signature example of GB/T 32918.2 (GM/T 0003.2) appendix A.2 — ID "ALICE123@YAHOO.COM", message
 * "message digest", fixed d_A and k — reproduced exactly by BouncyCastle's SM2 (what the platform signs with) and by
 * the independent implementation of the tests; then the two cross-verify each other's signatures on sm2p256v1.
 */
class Sm2StandardVectorTest {
  static final byte[] ID = "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII);
  static final byte[] MESSAGE = "message digest".getBytes(StandardCharsets.US_ASCII);
  static final BigInteger D = new BigInteger("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263", 16);
  static final String K = "6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F";
  static final String XA = "0AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A";
  static final String YA = "7C0240F88F1CD4E16352A73C17B7F16F07353E53A176D684A9FE0C6BB798E857";
  static final String ZA = "F4A38489E32B45B6F876E3AC2168CA392362DC8F23459C1D1146FC3DBFB7BC9A";
  static final String E = "B524F552CD82B8B028476E005C377FB19A87E6FC682D48BB5D42E3D9B9EFFE76";
  static final String R = "40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1";
  static final String S = "6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7";

  @Test
  void theIndependentImplementationReproducesTheStandardExample() {
    IndependentSm2 sm2 = IndependentSm2.example();
    BigInteger[] pub = sm2.multiply(D, sm2.g);
    assertThat(pub[0].toString(16)).isEqualToIgnoringCase(XA.replaceFirst("^0+", ""));
    assertThat(pub[1].toString(16)).isEqualToIgnoringCase(YA);
    assertThat(HexFormat.of().formatHex(sm2.z(ID, pub))).isEqualToIgnoringCase(ZA);
    assertThat(sm2.e(ID, pub, MESSAGE).toString(16)).isEqualToIgnoringCase(E);
    BigInteger[] rs = sm2.sign(D, new BigInteger(K, 16), ID, MESSAGE);
    assertThat(rs[0].toString(16)).isEqualToIgnoringCase(R);
    assertThat(rs[1].toString(16)).isEqualToIgnoringCase(S);
    assertThat(sm2.verify(pub, ID, MESSAGE, rs[0], rs[1])).isTrue();
    assertThat(sm2.verify(pub, ID, "message digesT".getBytes(StandardCharsets.US_ASCII), rs[0], rs[1])).isFalse();
  }

  @Test
  void bouncyCastleSm2ReproducesTheStandardExample() throws Exception {
    IndependentSm2 c = IndependentSm2.example();
    ECCurve curve = new ECCurve.Fp(c.p, c.a, c.b, c.n, BigInteger.ONE);
    ECDomainParameters domain = new ECDomainParameters(curve, curve.createPoint(c.g[0], c.g[1]), c.n);
    SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    signer.init(true, new ParametersWithID(new ParametersWithRandom(new ECPrivateKeyParameters(D, domain),
        new TestRandomBigInteger(K, 16)), ID));
    signer.update(MESSAGE, 0, MESSAGE.length);
    byte[] sig = signer.generateSignature();
    assertThat(HexFormat.of().formatHex(sig)).isEqualToIgnoringCase(R + S);

    SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    verifier.init(false, new ParametersWithID(new ECPublicKeyParameters(domain.getG().multiply(D).normalize(), domain), ID));
    verifier.update(MESSAGE, 0, MESSAGE.length);
    assertThat(verifier.verifySignature(sig)).isTrue();
  }

  @Test
  void sm3MatchesTheStandardExamples() {
    assertThat(Sm3.hex("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    assertThat(Sm3.hex("abcd".repeat(16)))
        .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  }

  @Test
  void platformAndIndependentSignaturesCrossVerifyOnTheRecommendedCurve() {
    IndependentSm2 sm2 = IndependentSm2.recommended();
    KeyPair kp = Sm2.generateKeyPair();
    byte[] msg = "TONGBAN-LICENSE-V1\nname=营业执照\n".getBytes(StandardCharsets.UTF_8);
    byte[] der = Sm2.sign(kp.getPrivate(), msg);
    assertThat(sm2.verifyDer(kp.getPublic().getEncoded(), msg, der)).isTrue();
    msg[msg.length - 1] ^= 1;
    assertThat(sm2.verifyDer(kp.getPublic().getEncoded(), msg, der)).isFalse();

    // the other way: the independent implementation signs, the platform verifies
    BigInteger d = new BigInteger("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", 16);
    BigInteger[] q = sm2.multiply(d, sm2.g);
    byte[] message = "一网通办".getBytes(StandardCharsets.UTF_8);
    BigInteger[] rs = sm2.sign(d, new BigInteger("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21", 16),
        IndependentSm2.DEFAULT_ID, message);
    byte[] spki = HexFormat.of().parseHex("3059301306072a8648ce3d020106082a811ccf5501822d03420004"
        + HexFormat.of().formatHex(IndependentSm2.fixed32(q[0])) + HexFormat.of().formatHex(IndependentSm2.fixed32(q[1])));
    assertThat(Sm2.verify(Sm2.publicKey(spki), message, der(rs))).isTrue();
  }

  static byte[] der(BigInteger[] rs) {
    byte[] r = rs[0].toByteArray();
    byte[] s = rs[1].toByteArray();
    byte[] out = new byte[6 + r.length + s.length];
    out[0] = 0x30;
    out[1] = (byte) (4 + r.length + s.length);
    out[2] = 0x02;
    out[3] = (byte) r.length;
    System.arraycopy(r, 0, out, 4, r.length);
    out[4 + r.length] = 0x02;
    out[5 + r.length] = (byte) s.length;
    System.arraycopy(s, 0, out, 6 + r.length, s.length);
    return out;
  }
}
