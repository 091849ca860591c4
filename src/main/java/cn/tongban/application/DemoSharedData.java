package cn.tongban.application;

import cn.tongban.identity.PersonProfile;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The demo sources of {@link SharedData}: the real-name verified identity, and the person's latest earlier case. */
@Component
class DemoSharedData implements SharedData {
  private final Applications applications;

  DemoSharedData(Applications applications) {
    this.applications = applications;
  }

  @Override
  public Map<String, Sourced> about(PersonProfile person) {
    Map<String, Sourced> out = new LinkedHashMap<>();
    put(out, "person.name", person.name(), "来自实名认证信息");
    put(out, "person.citizenId", person.citizenId(), "来自实名认证信息");
    put(out, "person.mobile", person.mobile(), "来自实名认证信息");
    for (Application earlier : applications.ofApplicant(person.accountId())) { // newest first: the newest wins
      String source = "来自您" + LocalDate.ofInstant(earlier.submittedAt(), ApplicationIntake.CHINA) + "的申请（办件编号 "
          + earlier.number() + "）";
      earlier.formData().forEach((k, v) -> out.putIfAbsent("earlier." + k, new Sourced(v, source)));
    }
    return out;
  }

  private static void put(Map<String, Sourced> out, String key, String value, String source) {
    if (value != null && !value.isBlank()) {
      out.put(key, new Sourced(value, source));
    }
  }
}
