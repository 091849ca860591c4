package cn.tongban.catalog;

/** Who a life event or bundle serves. */
public enum Audience {
  PERSON("个人"), ENTERPRISE("法人");

  private final String label;

  Audience(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
