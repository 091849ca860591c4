package cn.tongban.catalog;

/** The service marks of an item (特色服务清单); each has a public list. */
public enum ServiceTag {
  ONLINE("网上办"), MOBILE("掌上办"), NEARBY("就近办"), CROSS_REGION("跨域通办"), CITYWIDE("全域通办"),
  IMMEDIATE("马上办"), NO_CERTIFICATE("免证办"), INSTANT_APPROVAL("秒批"), ASSISTED("帮办代办"),
  BANK_PARTNER("政银合作"), TOLERANCE("容缺受理"), PLEDGE("告知承诺");

  private final String label;

  ServiceTag(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
