package cn.tongban.application;

import cn.tongban.catalog.FormField;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.identity.PersonProfile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills form fields from data the government already holds about the applicant, and says where each value came
 * from. The applicant confirms rather than types.
 */
final class Prefill {
  record Filled(Map<String, String> values, Map<String, String> sources) {}

  private Prefill() {}

  static Filled of(ServiceItem item, PersonProfile person) {
    return of(item.form(), person);
  }

  static Filled of(cn.tongban.catalog.FormDefinition form, PersonProfile person) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    for (FormField f : form.fields()) {
      if (f.prefill() == null) {
        continue;
      }
      String v = switch (f.prefill()) {
        case "person.name" -> person.name();
        case "person.citizenId" -> person.citizenId();
        case "person.mobile" -> person.mobile();
        default -> null;
      };
      if (v != null) {
        values.put(f.name(), v);
        sources.put(f.name(), "来自实名认证信息");
      }
    }
    return new Filled(values, sources);
  }
}
