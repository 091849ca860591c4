package cn.tongban.license;

import cn.tongban.platform.crypto.PersonalData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A decision granted a license (准予许可) for a case ({@code applicationNumber}, the 办件编号): its type and name, the
 * holder, the issuing authority, the validity ({@code validityYears} null: long-term, 长期) and its data. The deciding
 * module publishes it in the decision's transaction; the license module issues the license once, after that
 * transaction commits, and announces {@link LicenseIssued}, retried from the event publication registry when issuing
 * fails. The event is stored until then, so the holder's ID number and the data values travel sealed (SM4, kind
 * {@value #SEALED_KIND}); only the license module opens them.
 */
@NullMarked
public record LicenseGranted(String applicationNumber, String typeCode, String name, String holderName,
    byte[] holderIdSealed, String issuerCode, String issuerName, @Nullable Integer validityYears,
    Map<String, byte[]> dataSealed) {
  public static final String SEALED_KIND = "license-grant";

  /** The grant of a decision, its personal values sealed. */
  public static LicenseGranted sealed(PersonalData personal, String applicationNumber, String typeCode, String name,
      String holderName, String holderId, String issuerCode, String issuerName, @Nullable Integer validityYears,
      Map<String, String> data) {
    Map<String, byte[]> sealedData = new LinkedHashMap<>();
    data.forEach((k, v) -> sealedData.put(k, personal.seal(v, SEALED_KIND)));
    return new LicenseGranted(applicationNumber, typeCode, name, holderName, personal.seal(holderId, SEALED_KIND),
        issuerCode, issuerName, validityYears, sealedData);
  }
}
