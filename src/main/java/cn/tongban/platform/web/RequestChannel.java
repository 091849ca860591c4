package cn.tongban.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The channel a request came through: the web portal, the REST API (app, mini-program, kiosk declare themselves
 * with the {@code X-Tongban-Channel} header), or the system itself (timers, start-up).
 */
public enum RequestChannel {
  WEB("网页"), API("接口"), APP("移动端"), MINI_PROGRAM("小程序"), KIOSK("自助终端"), WINDOW("窗口"), SYSTEM("系统");

  private final String label;

  RequestChannel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static RequestChannel current() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
      return SYSTEM;
    }
    HttpServletRequest request = attrs.getRequest();
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return WEB;
    }
    String declared = request.getHeader("X-Tongban-Channel");
    if (declared != null) {
      try {
        RequestChannel c = valueOf(declared.trim().toUpperCase(Locale.ROOT));
        if (c == APP || c == MINI_PROGRAM || c == KIOSK) {
          return c;
        }
      } catch (IllegalArgumentException ignored) {
        // unknown channel names count as plain API use
      }
    }
    return API;
  }

  public static String clientAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      return attrs.getRequest().getRemoteAddr();
    }
    return null;
  }
}
