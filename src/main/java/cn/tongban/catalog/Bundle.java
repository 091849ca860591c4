package cn.tongban.catalog;

import java.util.List;

/** A 一件事: several items offered as one service under a code of its own (赋码管理). */
public record Bundle(String code, String name, Audience audience, LifeEvent lifeEvent, String description,
    List<String> members) {

  public Bundle {
    members = members == null ? List.of() : List.copyOf(members);
  }
}
