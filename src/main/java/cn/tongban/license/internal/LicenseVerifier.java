package cn.tongban.license.internal;

import cn.tongban.identity.CitizenIdNumber;
import cn.tongban.license.LicenseIdentifier;
import cn.tongban.platform.crypto.Sm2;
import cn.tongban.platform.crypto.Sm3;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Verifies licenses for anyone, by identifier (the QR code) or by the document file, and lists a holder's licenses. */
@Service
public class LicenseVerifier {
  private final Licenses licenses;
  private final LicenseTypes types;
  private final SealKeyStore keys;
  private final LicenseDocuments documents;

  LicenseVerifier(Licenses licenses, LicenseTypes types, SealKeyStore keys, LicenseDocuments documents) {
    this.licenses = licenses;
    this.types = types;
    this.keys = keys;
    this.documents = documents;
  }

  /** What verifying an uploaded file found: whether it is a document the platform sealed, unaltered, and its license. */
  public record FileVerification(boolean recognized, boolean documentIntact, boolean valid, String conclusion,
      LicenseVerification license) {}

  /** Empty when no license has this identifier. */
  @Transactional(readOnly = true)
  public Optional<LicenseVerification> verify(String identifier) {
    if (identifier == null || identifier.isBlank() || identifier.length() > 120) {
      return Optional.empty();
    }
    return licenses.byIdentifier(identifier.trim()).map(this::verify);
  }

  /** Verifies an uploaded license document: every byte must be the sealed original, and the license must hold. */
  @Transactional(readOnly = true)
  public FileVerification verifyFile(byte[] file) {
    Optional<License> license = LicenseDocuments.identifierIn(file).flatMap(licenses::byIdentifier)
        .or(() -> documents.licenseOfDocumentHash(Sm3.hex(file)).flatMap(licenses::byId));
    if (license.isEmpty()) {
      return new FileVerification(false, false, false,
          "验证失败：无法识别该文件，它不是本平台签发的电子证照文件，或已被改动。", null);
    }
    LicenseVerification v = verify(license.get());
    boolean intact = documents.stored(license.get().id()).map(d -> documents.intact(d, file)).orElse(false);
    String conclusion = !intact ? "验证失败：文件与发证机关签章的原件不一致，已被篡改，请勿采信。"
        : !v.valid() ? "文件电子签章有效，但" + v.conclusion() : "验证通过：文件电子签章有效，内容未被篡改，证照当前有效。";
    return new FileVerification(true, intact, intact && v.valid(), conclusion, v);
  }

  /** The licenses held by a person or enterprise (by citizen ID number or credit code), each verified. */
  @Transactional(readOnly = true)
  public List<LicenseVerification> heldBy(String holderId) {
    return licenses.byHolder(holderId).stream().map(this::verify).toList();
  }

  boolean signatureValid(License l) {
    return LicenseIdentifier.checkDigitValid(l.identifier())
        && keys.publicKey(l.keyId()).map(k -> Sm2.verify(k, l.canonicalBytes(), l.signature())).orElse(false);
  }

  public LicenseVerification verify(License l) {
    boolean signatureValid = signatureValid(l);
    LocalDate today = LocalDate.now(LicenseIssuer.CHINA);
    boolean expired = l.validUntil() != null && l.validUntil().isBefore(today);
    boolean checkOverdue = types.byCode(l.typeCode()).map(LicenseType::annualCheck).orElse(false)
        && (l.lastCheckedOn() == null ? l.issuedOn() : l.lastCheckedOn()).plusYears(1).isBefore(today);
    String status = !"VALID".equals(l.status()) ? l.status()
        : expired ? "EXPIRED" : checkOverdue ? "CHECK_OVERDUE" : "VALID";
    String statusLabel = switch (status) {
      case "VALID" -> "有效";
      case "REVOKED" -> "已注销";
      case "SUPERSEDED" -> "已变更";
      case "EXPIRED" -> "已过期";
      case "CHECK_OVERDUE" -> "逾期未年检";
      default -> status;
    };
    String successor = "SUPERSEDED".equals(status)
        ? licenses.successorOf(l.id()).map(License::identifier).orElse(null) : null;
    boolean valid = signatureValid && "VALID".equals(status);
    String conclusion = !signatureValid ? "验证失败：证照数据与电子签名不符，可能已被篡改，请勿采信。"
        : valid ? "验证通过：电子签名有效，证照数据未被篡改，证照当前有效。"
        : "电子签名有效，但证照" + statusLabel + (successor != null ? "，请以新版本 " + successor + " 为准" : "")
            + (l.revokedReason() != null ? "（注销原因：" + l.revokedReason() + "）" : "") + "。";
    return new LicenseVerification(l.identifier(), l.name(), maskName(l.holderName()), CitizenIdNumber.mask(l.holderId()),
        l.issuerName(), l.issuedOn(), l.validFrom(), l.validUntil(), status, statusLabel, signatureValid, valid,
        conclusion, l.keyId(), l.version(), l.revokedReason(), successor, l.origin());
  }

  static String maskName(String name) {
    if (name == null || name.length() < 2) {
      return name;
    }
    return name.charAt(0) + "*".repeat(name.length() - 1);
  }
}
