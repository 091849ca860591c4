package cn.tongban.application;

import cn.tongban.identity.Enterprise;
import cn.tongban.identity.PersonProfile;
import java.util.Map;

/**
 * The one port through which forms are pre-filled from what the government already holds about a person: keys such
 * as {@code person.name}, {@code person.citizenId}, {@code person.mobile}, and {@code earlier.<field>} for a value
 * the person gave in an earlier application; each value says its source. The platform's own records now
 * ({@code internal.OwnRecordsSharedData}: real-name data, own licenses, earlier cases, enterprise base data);
 * governed sharing (共享交换平台) implements the same interface later.
 */
public interface SharedData {
  record Sourced(String value, String source) {}

  Map<String, Sourced> about(PersonProfile person);

  /**
   * What the enterprise base data holds about an enterprise the person acts for: {@code enterprise.name},
   * {@code enterprise.creditCode}.
   */
  Map<String, Sourced> aboutEnterprise(Enterprise enterprise);
}
