package cn.tongban.notification.web;

import cn.tongban.notification.Notifications;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The development channel's page: the latest notices, addresses masked. Absent in production. */
@Controller
@ConditionalOnProperty(name = "tongban.notification.dev-channel", havingValue = "true", matchIfMissing = true)
class DevelopmentOutboxPage {
  private final Notifications notifications;

  DevelopmentOutboxPage(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/dev/notifications")
  String latest(Model model) {
    model.addAttribute("notices", notifications.latest(50));
    return "notification/outbox";
  }
}
