package cn.tongban.license.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the issuing department does with a license after issuance: change it (a new version, the old one superseded),
 * revoke it with a reason, and record its annual re-check. Only staff of the department that governs the license
 * type may, and only on the current version.
 */
@Service
public class LicenseLifecycle {
  private final Licenses licenses;
  private final LicenseTypes types;
  private final LicenseIssuer issuer;
  private final LicenseDocuments documents;
  private final AuditTrail audit;

  LicenseLifecycle(Licenses licenses, LicenseTypes types, LicenseIssuer issuer, LicenseDocuments documents,
      AuditTrail audit) {
    this.licenses = licenses;
    this.types = types;
    this.issuer = issuer;
    this.documents = documents;
    this.audit = audit;
  }

  @Transactional
  public IssuedLicense change(TongbanUser staff, String identifier, Map<String, String> changes, String reason) {
    License current = currentOf(staff, identifier);
    if (changes == null || changes.isEmpty()) {
      throw PlatformException.invalid("data", "请填写变更的内容");
    }
    LicenseType type = types.byCode(current.typeCode()).orElseThrow();
    List<FieldProblem> problems = new ArrayList<>();
    changes.forEach((k, v) -> {
      if (type.fields().stream().noneMatch(f -> f.name().equals(k))) {
        problems.add(new FieldProblem("data." + k, "该证照没有这一项"));
      } else if (v == null || v.isBlank()) {
        problems.add(new FieldProblem("data." + k, "请填写“" + type.labelOf(k) + "”"));
      }
    });
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    Map<String, String> data = new LinkedHashMap<>(current.data());
    changes.forEach((k, v) -> data.put(k, v.trim()));
    License next = issuer.sign(current.nextVersion(data, LocalDate.now(LicenseIssuer.CHINA)));
    licenses.markSuperseded(current.id());
    licenses.insert(next);
    documents.create(next);
    audit.record("license.changed", "license", next.identifier(),
        "变更自 " + current.identifier() + (reason == null || reason.isBlank() ? "" : "，原因：" + reason));
    return new IssuedLicense(next.id(), next.identifier());
  }

  @Transactional
  public void revoke(TongbanUser staff, String identifier, String reason) {
    if (reason == null || reason.isBlank()) {
      throw PlatformException.invalid("reason", "请填写注销原因");
    }
    License current = currentOf(staff, identifier);
    licenses.markRevoked(current.id(), reason.trim());
    audit.record("license.revoked", "license", identifier, reason.trim());
  }

  @Transactional
  public void recordAnnualCheck(TongbanUser staff, String identifier) {
    License current = currentOf(staff, identifier);
    if (!types.byCode(current.typeCode()).map(LicenseType::annualCheck).orElse(false)) {
      throw PlatformException.conflict("NO_ANNUAL_CHECK", "该类证照无需年检。");
    }
    LocalDate today = LocalDate.now(LicenseIssuer.CHINA);
    licenses.markChecked(current.id(), today);
    audit.record("license.annual-check", "license", identifier, "年检通过 " + today);
  }

  private License currentOf(TongbanUser staff, String identifier) {
    License l = licenses.byIdentifierForUpdate(identifier).orElseThrow(() -> PlatformException.notFound("证照"));
    String department = types.byCode(l.typeCode()).map(LicenseType::departmentCode).orElse(null);
    if (staff == null || !staff.isStaff() || !staff.departmentCode().equals(department)) {
      throw new PlatformException(HttpStatus.FORBIDDEN, "NOT_ISSUING_DEPARTMENT", "只有发证部门可以办理该证照的变更、注销和年检。");
    }
    if (!"VALID".equals(l.status())) {
      throw PlatformException.conflict("LICENSE_NOT_CURRENT", "该证照已变更或注销，只能对现行版本办理。");
    }
    return l;
  }
}
