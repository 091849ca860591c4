package cn.tongban.application.internal;

import cn.tongban.platform.web.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * How the applicant receives the result: electronic only, pickup at the window, by mail (address, later the
 * tracking number), or printed at a self-service terminal. The electronic result is produced in every case.
 */
public record Delivery(String method, String address, String trackingNumber) {
  public static final Map<String, String> METHODS = Map.of("ELECTRONIC", "仅电子证照", "WINDOW", "窗口领取",
      "MAIL", "邮寄送达", "TERMINAL", "自助终端打印");
  public static final List<String> ORDER = List.of("ELECTRONIC", "WINDOW", "MAIL", "TERMINAL");

  public static Delivery electronic() {
    return new Delivery("ELECTRONIC", null, null);
  }

  public String label() {
    return METHODS.getOrDefault(method, method);
  }

  /** The normalized choice, or the problems with it. */
  public static Delivery of(String method, String address, List<FieldProblem> problems) {
    String m = method == null || method.isBlank() ? "ELECTRONIC" : method.trim().toUpperCase();
    if (!METHODS.containsKey(m)) {
      problems.add(new FieldProblem("deliveryMethod", "请选择结果领取方式"));
      return electronic();
    }
    String a = "MAIL".equals(m) && address != null && !address.isBlank() ? address.trim() : null;
    if ("MAIL".equals(m) && a == null) {
      problems.add(new FieldProblem("deliveryAddress", "选择邮寄送达时请填写收件地址"));
    } else if (a != null && a.length() > 200) {
      problems.add(new FieldProblem("deliveryAddress", "收件地址不能超过200个字符"));
    }
    return new Delivery(m, a, null);
  }
}
