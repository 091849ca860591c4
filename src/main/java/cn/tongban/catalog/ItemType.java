package cn.tongban.catalog;

/** The national types of government service items, with their type codes. */
public enum ItemType {
  ADMINISTRATIVE_LICENSE("01", "行政许可"),
  ADMINISTRATIVE_PENALTY("02", "行政处罚"),
  ADMINISTRATIVE_COMPULSION("03", "行政强制"),
  ADMINISTRATIVE_LEVY("04", "行政征收"),
  ADMINISTRATIVE_PAYMENT("05", "行政给付"),
  ADMINISTRATIVE_INSPECTION("06", "行政检查"),
  ADMINISTRATIVE_CONFIRMATION("07", "行政确认"),
  ADMINISTRATIVE_REWARD("08", "行政奖励"),
  ADMINISTRATIVE_ADJUDICATION("09", "行政裁决"),
  OTHER_ADMINISTRATIVE_POWER("10", "其他行政权力"),
  PUBLIC_SERVICE("20", "公共服务");

  private final String code;
  private final String label;

  ItemType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }
}
