package cn.tongban.catalog;

/**
 * A material of an item's guide. {@code source} is APPLICANT (uploaded), or SHARED / LICENSE when sharing or an
 * e-license supplies it: such a material is 免提交 and never asked of the applicant.
 */
public record MaterialRequirement(String code, String name, boolean required, String form, int copies,
    String source, String description) {

  public boolean exemptFromSubmission() {
    return "SHARED".equals(source) || "LICENSE".equals(source);
  }

  public String sourceLabel() {
    return switch (source == null ? "APPLICANT" : source) {
      case "SHARED" -> "数据共享获取，免提交";
      case "LICENSE" -> "电子证照调用，免提交";
      default -> "申请人提供（电子版）";
    };
  }
}
