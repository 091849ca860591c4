package cn.tongban.catalog;

import java.util.List;

/**
 * A material of an item's guide.
 *
 * <ul>
 *   <li>{@code form}: 电子版, 纸质 or 纸质/电子版; {@code originals} and {@code copies}: 原件 and 复印件 counts.
 *   <li>{@code source}: APPLICANT (the applicant provides it), LICENSE (an e-license of type {@code licenseType}
 *       supplies it) or SHARED (the shared data item {@code sharedData} supplies it). A LICENSE or SHARED material is
 *       免提交 and never asked of the applicant.
 *   <li>{@code appliesWhen}: the situations ({@code situation=option}) that need it; empty means always.
 *   <li>{@code applicationForm}: this material is the item's application form, whose 空白表格 and 示范文本 are
 *       generated from the form definition.
 *   <li>{@code tolerable}: on the item's 容缺受理 list: for an item tagged 容缺受理 an application missing it is
 *       accepted with the applicant's commitment to supply it by a due date.
 *   <li>{@code pledgeable}: on the item's 告知承诺 list: for an item tagged 告知承诺 the applicant's signed commitment
 *       replaces it, and the department checks the commitment later.
 * </ul>
 */
public record MaterialRequirement(String code, String name, boolean required, String form, int copies,
    String source, String description, int originals, List<String> appliesWhen, String licenseType,
    String sharedData, boolean applicationForm, Boolean tolerable, Boolean pledgeable) {

  public MaterialRequirement(String code, String name, boolean required, String form, int copies, String source,
      String description, int originals, List<String> appliesWhen, String licenseType, String sharedData,
      boolean applicationForm) {
    this(code, name, required, form, copies, source, description, originals, appliesWhen, licenseType, sharedData,
        applicationForm, false, false);
  }

  public MaterialRequirement {
    appliesWhen = appliesWhen == null ? List.of() : List.copyOf(appliesWhen);
    source = source == null || source.isBlank() ? "APPLICANT" : source;
    form = form == null || form.isBlank() ? "电子版" : form;
    tolerable = Boolean.TRUE.equals(tolerable);
    pledgeable = Boolean.TRUE.equals(pledgeable);
  }

  public boolean exemptFromSubmission() {
    return "SHARED".equals(source) || "LICENSE".equals(source);
  }

  public boolean conditional() {
    return !appliesWhen.isEmpty();
  }

  public String sourceLabel() {
    return switch (source) {
      case "SHARED" -> "数据共享获取（" + (sharedData == null ? "共享数据" : sharedData) + "），免提交";
      case "LICENSE" -> "电子证照调用（" + (licenseType == null ? "电子证照" : licenseType) + "），免提交";
      default -> "申请人提供（" + form + "）";
    };
  }

  /** 原件/复印件 counts as a reader sees them. */
  public String countLabel() {
    if (exemptFromSubmission()) {
      return "—";
    }
    StringBuilder sb = new StringBuilder();
    if (originals > 0) {
      sb.append("原件").append(originals).append("份");
    }
    if (copies > 0 && !(originals == 0 && "电子版".equals(form) && copies == 1)) {
      sb.append(sb.isEmpty() ? "" : "，").append("复印件").append(copies).append("份");
    }
    return sb.isEmpty() ? "电子件1份" : sb.toString();
  }
}
