package cn.tongban.notification.web;

import cn.tongban.notification.Notifications;
import cn.tongban.platform.web.PlatformException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The development channel's page: the latest notices, addresses masked. It exists only in the demo profile
 * ({@code tongban.notification.dev-channel}, refused in production by the start-up guard) and even then answers
 * only a client on this machine (loopback) or a signed-in administrator; everyone else gets 404, as if it did not
 * exist, because it shows one-time sign-in codes.
 */
@Controller
@ConditionalOnProperty(name = "tongban.notification.dev-channel", havingValue = "true")
class DevelopmentOutboxPage {
  private final Notifications notifications;

  DevelopmentOutboxPage(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/dev/notifications")
  String latest(Model model, HttpServletRequest request, Authentication auth) {
    if (!cn.tongban.platform.web.RateLimits.loopback(request.getRemoteAddr()) && (auth == null
        || auth.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_ADMIN")))) {
      throw PlatformException.notFound("页面");
    }
    model.addAttribute("notices", notifications.latest(50));
    return "notification/outbox";
  }
}
