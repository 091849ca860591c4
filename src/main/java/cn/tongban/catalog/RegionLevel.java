package cn.tongban.catalog;

/** The level at which a region implements an item (行使层级); 村（社区）级 holds public services only. */
public enum RegionLevel {
  CITY("市级"), DISTRICT("县（区）级"), TOWN("乡镇（街道）级"), VILLAGE("村（社区）级");

  private final String label;

  RegionLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
