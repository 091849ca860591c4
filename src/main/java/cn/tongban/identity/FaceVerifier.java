package cn.tongban.identity;

/**
 * A face verification provider (人脸核验, e.g. the public-security identity authentication service). It compares a
 * live capture with the portrait on record for the ID number. No provider ships with Tongban: a deployment registers
 * a bean of this type; without one, face verification is unavailable and the SMS code is offered instead.
 */
public interface FaceVerifier {
  /** True when the capture shows the person holding this ID number. */
  boolean verify(String name, String citizenId, byte[] liveCapture);
}
