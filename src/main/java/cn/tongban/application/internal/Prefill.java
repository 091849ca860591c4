package cn.tongban.application.internal;

import cn.tongban.application.SharedData;
import cn.tongban.catalog.FormDefinition;
import cn.tongban.catalog.FormField;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills form fields from data the government already holds about the applicant ({@link SharedData}), and says where
 * each value came from. A field names its data in {@code prefill}; any other field takes the value of the same field
 * in the person's valid electronic licenses, or else the value they gave in their latest earlier application. The applicant confirms rather than types.
 */
public final class Prefill {
  public record Filled(Map<String, String> values, Map<String, String> sources) {}

  private Prefill() {}

  public static Filled of(FormDefinition form, Map<String, SharedData.Sourced> shared) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    for (FormField f : form.fields()) {
      SharedData.Sourced s = f.prefill() != null ? shared.get(f.prefill()) : null;
      if (s == null) { // a license the government issued outranks what the person typed last time
        s = shared.get("license." + f.name());
      }
      if (s == null) {
        s = shared.get("earlier." + f.name());
      }
      if (s != null) {
        values.put(f.name(), s.value());
        sources.put(f.name(), s.source());
      }
    }
    return new Filled(values, sources);
  }
}
