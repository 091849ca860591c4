package cn.tongban.notification.internal;

import cn.tongban.notification.Notice;
import cn.tongban.notification.NotificationChannel;
import cn.tongban.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * For development and demos: "delivers" SMS and e-mail by writing them to the log (address masked); the outbox page
 * {@code /dev/notifications} shows the same messages. Off in production ({@code tongban.notification.dev-channel=false}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "tongban.notification.dev-channel", havingValue = "true")
class DevelopmentChannel implements NotificationChannel {
  private static final Logger log = LoggerFactory.getLogger(DevelopmentChannel.class);

  @Override
  public String name() {
    return "development";
  }

  @Override
  public boolean supports(Notice.Channel channel) {
    return true;
  }

  @Override
  public void deliver(Notice.Channel channel, String address, String subject, String body) {
    log.info("[{} to {}] {}: {}", channel, Notifications.mask(address), subject, body);
  }
}
