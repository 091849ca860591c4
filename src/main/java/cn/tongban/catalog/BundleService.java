package cn.tongban.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundle with its published member items, as the applicant meets it: one combined form where a field that
 * several members ask (same name) is asked once, and one deduplicated material list (same material code = the same
 * document, uploaded once and given to every member that needs it).
 */
public record BundleService(Bundle bundle, List<ServiceItem> items, FormDefinition form,
    List<SharedMaterial> materials, int sharedFieldCount) {

  /** A material of the bundle and the members that need it. */
  public record SharedMaterial(MaterialRequirement material, List<String> itemNames) {}

  static BundleService of(Bundle bundle, List<ServiceItem> items) {
    Map<String, FormField> fields = new LinkedHashMap<>();
    int shared = 0;
    for (ServiceItem i : items) {
      for (FormField f : i.form().fields()) {
        if (fields.putIfAbsent(f.name(), f) != null) {
          shared++;
        }
      }
    }
    Map<String, MaterialRequirement> byCode = new LinkedHashMap<>();
    Map<String, List<String>> needers = new LinkedHashMap<>();
    for (ServiceItem i : items) {
      for (MaterialRequirement m : i.guide().materials()) {
        byCode.merge(m.code(), m, (a, b) -> a.required() || !b.required() ? a : b);
        needers.computeIfAbsent(m.code(), k -> new ArrayList<>()).add(i.name());
      }
    }
    List<SharedMaterial> materials = byCode.values().stream()
        .map(m -> new SharedMaterial(m, List.copyOf(needers.get(m.code())))).toList();
    return new BundleService(bundle, List.copyOf(items), new FormDefinition(List.copyOf(fields.values())),
        materials, shared);
  }

  /** The combined total of promised working days if members are handled in parallel: the longest member. */
  public int promisedDays() {
    return items.stream().mapToInt(ServiceItem::promisedDays).max().orElse(0);
  }

  /** The materials the applicant uploads (never the 免提交 ones), each once. */
  public List<SharedMaterial> uploadMaterials() {
    return materials.stream().filter(m -> !m.material().exemptFromSubmission()).toList();
  }

  public long exemptCount() {
    return materials.stream().filter(m -> m.material().exemptFromSubmission()).count();
  }

  /** How many materials the members would ask if applied for one by one (for the 一套材料 saving). */
  public int separateMaterialCount() {
    return items.stream().mapToInt(i -> i.guide().materials().size()).sum();
  }
}
