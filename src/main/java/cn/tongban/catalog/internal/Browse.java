package cn.tongban.catalog.internal;

import cn.tongban.catalog.LifeEvent;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.catalog.ServiceTag;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Filters of the public lists: by department, region, life event, service tag, and the 最多跑一次 list. Blank
 * filters match everything.
 */
public record Browse(String department, String region, LifeEvent event, ServiceTag tag, boolean oneVisit) {

  public boolean matches(ServiceItem i) {
    return (department == null || department.isBlank() || department.equals(i.departmentCode()))
        && (region == null || region.isBlank() || region.equals(i.regionCode()))
        && (event == null || i.lifeEvents().contains(event))
        && (tag == null || i.tags().contains(tag))
        && (!oneVisit || i.atMostOneVisit());
  }

  boolean any() {
    return !(department == null || department.isBlank()) || !(region == null || region.isBlank()) || event != null
        || tag != null || oneVisit;
  }

  /** A short title for the filtered list, e.g. "主题：出生". */
  public String title(Collection<ServiceItem> all) {
    if (oneVisit) {
      return "“最多跑一次”事项清单";
    }
    if (tag != null) {
      return tag.label() + "事项清单";
    }
    if (event != null) {
      return event.audience().label() + "主题：" + event.label();
    }
    if (department != null && !department.isBlank()) {
      return all.stream().filter(i -> i.departmentCode().equals(department)).map(ServiceItem::departmentName)
          .findFirst().orElse("部门");
    }
    if (region != null && !region.isBlank()) {
      return all.stream().filter(i -> i.regionCode().equals(region)).map(ServiceItem::regionName).findFirst()
          .orElse("区域");
    }
    return "全部事项";
  }

  public static Map<String, String> departments(List<ServiceItem> items) {
    return names(items, ServiceItem::departmentCode, ServiceItem::departmentName);
  }

  public static Map<String, String> regions(List<ServiceItem> items) {
    return names(items, ServiceItem::regionCode, i -> i.regionName() + "（" + i.regionLevel().label() + "）");
  }

  private static Map<String, String> names(List<ServiceItem> items, Function<ServiceItem, String> key,
      Function<ServiceItem, String> name) {
    return items.stream().collect(Collectors.toMap(key, name, (a, b) -> a, TreeMap::new));
  }
}
