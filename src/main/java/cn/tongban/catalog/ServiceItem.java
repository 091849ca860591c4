package cn.tongban.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A version of a government service item at one region's implementation (实施清单): what it is, who handles it,
 * its time limits in working days, its guide, its form, and the result it produces. {@code baseCode} (基本编码) with
 * the name, type and basis is the same at every level and region; {@code code} is this region's implementation.
 */
public record ServiceItem(long id, String code, int version, String name, ItemType type, String departmentCode,
    String departmentName, String departmentCreditCode, String regionCode, String regionName, int statutoryDays,
    int promisedDays, boolean immediate, int visitsRequired, String processKey, String licenseTypeCode,
    Integer licenseValidityYears, Guide guide, String baseCode, RegionLevel regionLevel, int onlineDepth,
    List<ServiceTag> tags, List<LifeEvent> lifeEvents, List<String> keywords) {

  public ServiceItem {
    regionLevel = regionLevel == null ? RegionLevel.CITY : regionLevel;
    onlineDepth = onlineDepth == 0 ? 4 : onlineDepth;
    tags = tags == null ? List.of() : List.copyOf(tags);
    lifeEvents = lifeEvents == null ? List.of() : List.copyOf(lifeEvents);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }

  /** The application form: the guide's fields, then one required choice per situation not already asked. */
  public FormDefinition form() {
    List<FormField> fields = new ArrayList<>(guide.form().fields());
    for (Situation s : guide.situations()) {
      if (fields.stream().noneMatch(f -> f.name().equals(s.code()))) {
        fields.add(s.asField());
      }
    }
    return new FormDefinition(fields);
  }

  /** The materials the applicant must or may upload in any situation (never the 免提交 ones). */
  public List<MaterialRequirement> uploadMaterials() {
    return guide.materials().stream().filter(m -> !m.exemptFromSubmission()).toList();
  }

  /** The materials the applicant uploads in the situation these form values answer. */
  public List<MaterialRequirement> uploadMaterialsFor(Map<String, String> answers) {
    return guide.materialsFor(answers).stream().filter(m -> !m.exemptFromSubmission()).toList();
  }

  /** 容缺受理: the item is tagged so and the material is on its list. */
  public boolean tolerates(MaterialRequirement m) {
    return tags.contains(ServiceTag.TOLERANCE) && m.tolerable();
  }

  /** 告知承诺: the item is tagged so and the material may be replaced by the applicant's signed commitment. */
  public boolean acceptsPledgeFor(MaterialRequirement m) {
    return tags.contains(ServiceTag.PLEDGE) && m.pledgeable();
  }

  public boolean atMostOneVisit() {
    return visitsRequired <= 1;
  }

  public String caseTypeLabel() {
    return immediate ? "即办件" : "承诺件";
  }

  public String onlineDepthLabel() {
    return switch (onlineDepth) {
      case 1 -> "一级（信息公开）";
      case 2 -> "二级（表格下载）";
      case 3 -> "三级（在线预审）";
      default -> "四级（全程网办）";
    };
  }

  /** The same item as a new, not yet stored version. */
  public ServiceItem asVersion(int newVersion) {
    return new ServiceItem(0, code, newVersion, name, type, departmentCode, departmentName, departmentCreditCode,
        regionCode, regionName, statutoryDays, promisedDays, immediate, visitsRequired, processKey, licenseTypeCode,
        licenseValidityYears, guide, baseCode, regionLevel, onlineDepth, tags, lifeEvents, keywords);
  }
}
