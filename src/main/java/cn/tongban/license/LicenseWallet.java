package cn.tongban.license;

import cn.tongban.audit.AuditTrail;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.identity.TongbanUser;
import cn.tongban.license.internal.HolderIds;
import cn.tongban.license.internal.License;
import cn.tongban.license.internal.LicenseVerification;
import cn.tongban.license.internal.LicenseVerifier;
import cn.tongban.license.internal.Licenses;
import cn.tongban.platform.web.PlatformException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holder's license wallet (免证办): the holder authorizes one department to use one license for one
 * application; the department's staff use it only under such an authorization; every use, allowed or refused, is
 * logged and shown to the holder.
 */
@Service
public class LicenseWallet {
  private final JdbcClient jdbc;
  private final Licenses licenses;
  private final LicenseVerifier verifier;
  private final Catalog catalog;
  private final AuditTrail audit;

  private final HolderIds holders;

  LicenseWallet(JdbcClient jdbc, Licenses licenses, LicenseVerifier verifier, Catalog catalog, AuditTrail audit,
      HolderIds holders) {
    this.holders = holders;
    this.jdbc = jdbc;
    this.licenses = licenses;
    this.verifier = verifier;
    this.catalog = catalog;
    this.audit = audit;
  }

  public record Authorization(UUID id, String identifier, String licenseName, String departmentCode,
      String departmentName, String applicationNumber, String purpose, Instant createdAt, Instant withdrawnAt) {}

  public record Use(String identifier, String licenseName, String departmentCode, String actorName,
      String applicationNumber, boolean allowed, String reason, Instant usedAt) {}

  /** What an authorized department receives: the full license data and its verification. */
  public record LicenseData(String identifier, String name, String holderName, String holderId,
      Map<String, String> data, LicenseVerification verification) {}

  /** The departments that handle service items, by code. */
  public Map<String, String> departments() {
    return catalog.publishedItems().stream().collect(Collectors.toMap(ServiceItem::departmentCode,
        ServiceItem::departmentName, (a, b) -> a, TreeMap::new));
  }

  @Transactional
  public Authorization authorize(String holderId, String identifier, String departmentCode, String applicationNumber,
      String purpose) {
    License l = licenses.byIdentifier(identifier == null ? "" : identifier).filter(x -> x.holderId().equals(holderId))
        .orElseThrow(() -> PlatformException.notFound("证照"));
    String departmentName = departmentCode == null || departmentCode.isBlank() ? null : departments().get(departmentCode);
    if (departmentName == null) {
      throw PlatformException.invalid("departmentCode", "请选择用证部门");
    }
    if (applicationNumber == null || !applicationNumber.trim().matches("[0-9A-Za-z-]{6,40}")) {
      throw PlatformException.invalid("applicationNumber", "请填写正确的办件编号");
    }
    if (!verifier.verify(l).valid()) {
      throw PlatformException.conflict("LICENSE_NOT_VALID", "该证照当前无效，不能授权使用。");
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    UUID id = UUID.randomUUID();
    String p = purpose == null || purpose.isBlank() ? null : purpose.trim();
    jdbc.sql("""
        insert into license.license_authorization (id, license_id, holder_id, department_code, department_name,
          application_number, purpose, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, l.id(), holders.index(holderId), departmentCode, departmentName, applicationNumber.trim(), p,
            Timestamp.from(now)).update();
    audit.record("license.authorized", "license", l.identifier(),
        "授权 " + departmentName + " 用于办件 " + applicationNumber.trim());
    return new Authorization(id, l.identifier(), l.name(), departmentCode, departmentName, applicationNumber.trim(), p,
        now, null);
  }

  @Transactional
  public void withdraw(String holderId, UUID authorizationId) {
    int n = jdbc.sql("""
        update license.license_authorization set withdrawn_at = now()
        where id = ? and holder_id = ? and withdrawn_at is null""").params(authorizationId, holders.index(holderId))
        .update();
    if (n == 0) {
      throw PlatformException.notFound("授权");
    }
    audit.record("license.authorization-withdrawn", "license-authorization", authorizationId.toString(), "持证人撤回授权");
  }

  /**
   * A department uses a license for an application. Allowed only under the holder's authorization for this
   * department and application; refused otherwise. Both are logged.
   */
  @Transactional(noRollbackFor = PlatformException.class)
  public LicenseData use(TongbanUser staff, String identifier, String applicationNumber) {
    if (staff == null || !staff.isStaff()) {
      throw new PlatformException(HttpStatus.FORBIDDEN, "FORBIDDEN", "只有部门工作人员可以调用证照。");
    }
    License l = licenses.byIdentifier(identifier == null ? "" : identifier)
        .orElseThrow(() -> PlatformException.notFound("证照"));
    String number = applicationNumber == null ? "" : applicationNumber.trim();
    Optional<UUID> authorization = jdbc.sql("""
        select id from license.license_authorization
        where license_id = ? and department_code = ? and application_number = ? and withdrawn_at is null
        order by created_at desc limit 1""").params(l.id(), staff.departmentCode(), number).query(UUID.class)
        .optional();
    LicenseVerification v = verifier.verify(l);
    String refusal = authorization.isEmpty() ? "持证人未授权本部门在该办件中使用此证照"
        : !v.valid() ? "证照当前" + v.statusLabel() : null;
    jdbc.sql("""
        insert into license.license_use (license_id, authorization_id, department_code, actor_name, application_number,
          allowed, reason, used_at) values (?, ?, ?, ?, ?, ?, ?, now())""")
        .params(l.id(), authorization.orElse(null), staff.departmentCode(),
            staff.departmentName() + " · " + staff.post(), number, refusal == null, refusal).update();
    if (refusal != null) {
      audit.record("license.use-refused", "license", l.identifier(), refusal + "，办件 " + number);
      throw new PlatformException(HttpStatus.FORBIDDEN, "LICENSE_USE_NOT_AUTHORIZED", "不能调用该证照：" + refusal + "。");
    }
    audit.record("license.used", "license", l.identifier(), staff.departmentName() + " 用于办件 " + number);
    return new LicenseData(l.identifier(), l.name(), l.holderName(), l.holderId(), l.data(), v);
  }

  /**
   * The data of the holder's own currently valid licenses, for filling the holder's forms (the holder reads their
   * own licenses; no department is involved, so no authorization is needed).
   */
  @Transactional(readOnly = true)
  public List<LicenseData> ownValidLicenses(String holderId) {
    return licenses.byHolder(holderId).stream()
        .map(l -> new LicenseData(l.identifier(), l.name(), l.holderName(), l.holderId(), l.data(), verifier.verify(l)))
        .filter(d -> d.verification().valid())
        .toList();
  }

  @Transactional(readOnly = true)
  public List<Authorization> authorizations(String holderId) {
    return jdbc.sql("""
        select a.id, l.identifier, l.name, a.department_code, a.department_name, a.application_number, a.purpose,
          a.created_at, a.withdrawn_at
        from license.license_authorization a join license.license l on l.id = a.license_id
        where a.holder_id = ? order by a.created_at desc""").param(holders.index(holderId))
        .query((rs, i) -> new Authorization(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
            rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
        .list();
  }

  @Transactional(readOnly = true)
  public List<Use> uses(String holderId) {
    return jdbc.sql("""
        select l.identifier, l.name, u.department_code, u.actor_name, u.application_number, u.allowed, u.reason,
          u.used_at
        from license.license_use u join license.license l on l.id = u.license_id
        where l.holder_id = ? order by u.used_at desc, u.id desc""").param(holders.index(holderId))
        .query((rs, i) -> new Use(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getBoolean(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
        .list();
  }
}
