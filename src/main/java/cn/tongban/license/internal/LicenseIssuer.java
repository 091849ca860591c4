package cn.tongban.license.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.license.LicenseIdentifier;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues electronic licenses: numbers them (GB/T 36904), signs their canonical data with the issuing authority's
 * SM2 seal key, stores them and makes their sealed document.
 */
@Service
public class LicenseIssuer {
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final Licenses licenses;
  private final SealKeyStore keys;
  private final LicenseDocuments documents;
  private final AuditTrail audit;

  LicenseIssuer(Licenses licenses, SealKeyStore keys, LicenseDocuments documents, AuditTrail audit) {
    this.licenses = licenses;
    this.keys = keys;
    this.documents = documents;
    this.audit = audit;
  }

  /** The key owner of an issuing authority's seal. */
  public static String sealOwner(String issuerCode) {
    return "issuer:" + issuerCode;
  }

  public static String serial(int year, long sequence) {
    return year + String.format("%08d", sequence);
  }

  @Transactional
  public IssuedLicense issue(IssueLicense cmd) {
    LocalDate today = LocalDate.now(CHINA);
    String identifier = LicenseIdentifier.compose(cmd.typeCode(), cmd.issuerCode(),
        serial(today.getYear(), licenses.nextSerial()), 1).value();
    LocalDate until = cmd.validityYears() == null ? null : today.plusYears(cmd.validityYears()).minusDays(1);
    License signed = sign(License.draft(UUID.randomUUID(), identifier, cmd.typeCode(), cmd.name(), cmd.holderName(),
        cmd.holderId(), cmd.issuerCode(), cmd.issuerName(), today, until, cmd.data(), cmd.applicationNumber(),
        "DECISION"));
    licenses.insert(signed);
    documents.create(signed);
    audit.record("license.issued", "license", identifier, cmd.name() + "，办件 " + cmd.applicationNumber());
    return new IssuedLicense(signed.id(), identifier);
  }

  /** Signs a license's canonical data with the active seal key of its issuer. */
  public License sign(License unsigned) {
    String keyId = keys.activeKeyId(sealOwner(unsigned.issuerCode()));
    License withKey = unsigned.signedWith(keyId, new byte[0]);
    return withKey.signedWith(keyId, keys.sign(keyId, withKey.canonicalBytes()));
  }
}
