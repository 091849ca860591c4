package cn.tongban.region;

/** One administrative division: 1 province, 2 city, 3 county (区县), 4 town or street (乡镇街道). */
public record Division(String code, String name, int level, String parent) {
  public String levelLabel() {
    return switch (level) {
      case 1 -> "省级";
      case 2 -> "市级";
      case 3 -> "县级";
      default -> "乡镇（街道）级";
    };
  }
}
