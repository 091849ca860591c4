package cn.tongban.license;

import cn.tongban.platform.crypto.Sm2;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Verifies licenses for anyone, and lists a holder's licenses. */
@Service
public class LicenseVerifier {
  private final Licenses licenses;
  private final SigningKeys keys;

  LicenseVerifier(Licenses licenses, SigningKeys keys) {
    this.licenses = licenses;
    this.keys = keys;
  }

  /** Empty when no license has this identifier. */
  @Transactional(readOnly = true)
  public Optional<LicenseVerification> verify(String identifier) {
    if (identifier == null || identifier.isBlank() || identifier.length() > 120) {
      return Optional.empty();
    }
    return licenses.byIdentifier(identifier.trim()).map(this::verify);
  }

  /** The licenses held by a person or enterprise (by citizen ID number or credit code), each verified. */
  @Transactional(readOnly = true)
  public List<LicenseVerification> heldBy(String holderId) {
    return licenses.byHolder(holderId).stream().map(this::verify).toList();
  }

  LicenseVerification verify(License l) {
    boolean signatureValid = LicenseIdentifier.checkDigitValid(l.identifier())
        && keys.publicKey(l.keyId())
            .map(k -> Sm2.verify(k, l.canonical().getBytes(StandardCharsets.UTF_8), l.signature()))
            .orElse(false);
    LocalDate today = LocalDate.now(LicenseIssuer.CHINA);
    boolean expired = l.validUntil() != null && l.validUntil().isBefore(today);
    String status = !"VALID".equals(l.status()) ? l.status() : expired ? "EXPIRED" : "VALID";
    String statusLabel = switch (status) {
      case "VALID" -> "有效";
      case "REVOKED" -> "已注销";
      case "EXPIRED" -> "已过期";
      default -> status;
    };
    boolean valid = signatureValid && "VALID".equals(status);
    String conclusion = !signatureValid ? "验证失败：证照数据与电子签名不符，可能已被篡改，请勿采信。"
        : valid ? "验证通过：电子签名有效，证照数据未被篡改，证照当前有效。"
        : "电子签名有效，但证照" + statusLabel + "。";
    return new LicenseVerification(l.identifier(), l.name(), maskName(l.holderName()), mask(l.holderId()),
        l.issuerName(), l.issuedOn(), l.validFrom(), l.validUntil(), status, statusLabel, signatureValid, valid,
        conclusion, l.keyId());
  }

  static String mask(String id) {
    if (id == null || id.length() < 8) {
      return "****";
    }
    return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
  }

  static String maskName(String name) {
    if (name == null || name.length() < 2) {
      return name;
    }
    return name.charAt(0) + "*".repeat(name.length() - 1);
  }
}
