package cn.tongban.license.internal;

import cn.tongban.platform.crypto.PersonalData;
import java.util.Base64;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Holders' ID numbers and credit codes, and other personal data of the license library, at rest: SM4-sealed, and
 * holders found through a keyed SM3 blind index, which is what {@code holder_id} columns store.
 */
@Component
public class HolderIds {
  static final String HOLDER = "license-holder";

  private final PersonalData personal;

  HolderIds(PersonalData personal) {
    this.personal = personal;
  }

  public String index(String holderId) {
    return holderId == null ? null : personal.index(holderId.trim().toUpperCase(Locale.ROOT), HOLDER);
  }

  public byte[] seal(String value, String kind) {
    return personal.seal(value, kind);
  }

  public String open(byte[] sealed, String kind) {
    return personal.open(sealed, kind);
  }

  byte[] sealBytes(byte[] value, String kind) {
    return value == null ? null : personal.seal(Base64.getEncoder().encodeToString(value), kind);
  }

  byte[] openBytes(byte[] sealed, String kind) {
    return sealed == null ? null : Base64.getDecoder().decode(personal.open(sealed, kind));
  }
}
