package cn.tongban.catalog;

import java.util.Arrays;
import java.util.List;

/** The life events of persons and enterprises by which services are browsed (主题服务). */
public enum LifeEvent {
  BIRTH(Audience.PERSON, "出生"), EDUCATION(Audience.PERSON, "入学"), EMPLOYMENT(Audience.PERSON, "就业"),
  MARRIAGE(Audience.PERSON, "婚姻"), HOUSING(Audience.PERSON, "住房"), RESIDENCE(Audience.PERSON, "户籍居住"),
  MEDICAL(Audience.PERSON, "就医"), DISABILITY(Audience.PERSON, "残疾人服务"), RETIREMENT(Audience.PERSON, "退休"),
  STARTUP(Audience.ENTERPRISE, "开办"), PERMITS(Audience.ENTERPRISE, "准营"), CONSTRUCTION(Audience.ENTERPRISE, "工程建设"),
  CHANGE(Audience.ENTERPRISE, "变更"), CLOSURE(Audience.ENTERPRISE, "注销");

  private final Audience audience;
  private final String label;

  LifeEvent(Audience audience, String label) {
    this.audience = audience;
    this.label = label;
  }

  public Audience audience() {
    return audience;
  }

  public String label() {
    return label;
  }

  public static List<LifeEvent> of(Audience audience) {
    return Arrays.stream(values()).filter(e -> e.audience == audience).toList();
  }
}
