package cn.tongban.workflow;

/** Special procedures whose time is not counted (行政许可法 §45; 补正 after acceptance). */
public enum PauseKind {
  SUPPLEMENT("补正"),
  HEARING("听证"),
  EXPERT_REVIEW("专家评审"),
  SITE_INSPECTION("现场勘查"),
  TESTING("检验、检测、检疫、鉴定"),
  OTHER("其他特别程序");

  private final String label;

  PauseKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
