package cn.tongban.license;

import cn.tongban.audit.AuditTrail;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues electronic licenses: numbers them, signs their canonical data with the SM2 seal key and stores them. */
@Service
public class LicenseIssuer {
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final Licenses licenses;
  private final SigningKeys keys;
  private final AuditTrail audit;

  LicenseIssuer(Licenses licenses, SigningKeys keys, AuditTrail audit) {
    this.licenses = licenses;
    this.keys = keys;
    this.audit = audit;
  }

  @Transactional
  public IssuedLicense issue(IssueLicense cmd) {
    LocalDate today = LocalDate.now(CHINA);
    String serial = today.getYear() + String.format("%08d", licenses.nextSerial());
    String identifier = LicenseIdentifier.of(cmd.typeCode(), cmd.issuerCode(), serial, 1);
    LocalDate until = cmd.validityYears() == null ? null : today.plusYears(cmd.validityYears()).minusDays(1);
    SigningKeys.ActiveKey key = keys.active();
    License unsigned = new License(UUID.randomUUID(), identifier, cmd.typeCode(), cmd.name(), cmd.holderName(),
        cmd.holderId(), cmd.issuerCode(), cmd.issuerName(), today, today, until, Map.copyOf(cmd.data()),
        cmd.applicationNumber(), "VALID", key.id(), new byte[0]);
    byte[] signature = cn.tongban.platform.crypto.Sm2.sign(key.privateKey(),
        unsigned.canonical().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    License signed = new License(unsigned.id(), identifier, unsigned.typeCode(), unsigned.name(), unsigned.holderName(),
        unsigned.holderId(), unsigned.issuerCode(), unsigned.issuerName(), today, today, until, unsigned.data(),
        unsigned.applicationNumber(), "VALID", key.id(), signature);
    licenses.insert(signed);
    audit.record("license.issued", "license", identifier, cmd.name() + "，办件 " + cmd.applicationNumber());
    return new IssuedLicense(signed.id(), identifier);
  }
}
