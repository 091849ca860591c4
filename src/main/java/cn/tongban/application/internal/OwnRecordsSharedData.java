package cn.tongban.application.internal;

import cn.tongban.application.Application;
import cn.tongban.application.ApplicationIntake;
import cn.tongban.application.SharedData;
import cn.tongban.identity.Enterprise;
import cn.tongban.identity.PersonProfile;
import cn.tongban.license.LicenseWallet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The sources of {@link SharedData} that the platform holds itself: the real-name verified identity, the person's own
 * valid electronic licenses (their structured data, field by field), the person's latest earlier case, and the
 * enterprise base data. It serves production as well as the demo (the application cannot start without a
 * {@code SharedData}); the departments' data-sharing capability will add its sources beside these.
 */
@Component
class OwnRecordsSharedData implements SharedData {
  private final Applications applications;
  private final LicenseWallet licenses;

  OwnRecordsSharedData(Applications applications, LicenseWallet licenses) {
    this.applications = applications;
    this.licenses = licenses;
  }

  @Override
  public Map<String, Sourced> about(PersonProfile person) {
    Map<String, Sourced> out = new LinkedHashMap<>();
    put(out, "person.name", person.name(), "来自实名认证信息");
    put(out, "person.citizenId", person.citizenId(), "来自实名认证信息");
    put(out, "person.mobile", person.mobile(), "来自实名认证信息");
    if (person.citizenId() != null) {
      for (var license : licenses.ownValidLicenses(person.citizenId())) { // newest first: the newest wins
        String source = "来自您的电子证照《" + license.name() + "》";
        license.data().forEach((k, v) -> {
          if (v != null && !v.isBlank()) {
            out.putIfAbsent("license." + k, new Sourced(v, source));
          }
        });
      }
    }
    for (Application earlier : applications.ofApplicant(person.accountId().value())) { // newest first: the newest wins
      String source = "来自您" + LocalDate.ofInstant(earlier.submittedAt(), ApplicationIntake.CHINA) + "的申请（办件编号 "
          + earlier.number() + "）";
      earlier.formData().forEach((k, v) -> out.putIfAbsent("earlier." + k, new Sourced(v, source)));
    }
    return out;
  }

  @Override
  public Map<String, Sourced> aboutEnterprise(Enterprise enterprise) {
    Map<String, Sourced> out = new LinkedHashMap<>();
    String source = "来自法人基础信息（统一社会信用代码 " + enterprise.creditCode() + "）";
    put(out, "enterprise.name", enterprise.name(), source);
    put(out, "enterprise.creditCode", enterprise.creditCode(), source);
    return out;
  }

  private static void put(Map<String, Sourced> out, String key, String value, String source) {
    if (value != null && !value.isBlank()) {
      out.put(key, new Sourced(value, source));
    }
  }
}
