package cn.tongban.catalog;

import java.util.List;

/**
 * A published version of a government service item at one region's implementation (实施清单): what it is, who
 * handles it, its time limits in working days, its guide, its form, and the result it produces.
 */
public record ServiceItem(long id, String code, int version, String name, ItemType type, String departmentCode,
    String departmentName, String departmentCreditCode, String regionCode, String regionName, int statutoryDays,
    int promisedDays, boolean immediate, int visitsRequired, String processKey, String licenseTypeCode,
    Integer licenseValidityYears, Guide guide) {

  public FormDefinition form() {
    return guide.form();
  }

  /** The materials the applicant must or may upload (never the 免提交 ones). */
  public List<MaterialRequirement> uploadMaterials() {
    return guide.materials().stream().filter(m -> !m.exemptFromSubmission()).toList();
  }

  public boolean atMostOneVisit() {
    return visitsRequired <= 1;
  }
}
