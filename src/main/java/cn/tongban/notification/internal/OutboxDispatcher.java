package cn.tongban.notification.internal;

import cn.tongban.notification.Notice;
import cn.tongban.notification.NotificationChannel;
import cn.tongban.notification.Notifications;
import cn.tongban.platform.crypto.MasterKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers pending notices. Each node claims a batch with {@code FOR UPDATE SKIP LOCKED}, so several nodes never send
 * the same notice twice; a failed delivery is retried with growing pauses, and given up after
 * {@code tongban.notification.max-attempts}.
 */
@Component
class OutboxDispatcher {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final JdbcClient jdbc;
  private final MasterKey masterKey;
  private final List<NotificationChannel> channels;
  private final TransactionTemplate tx;
  private final int maxAttempts;

  OutboxDispatcher(JdbcClient jdbc, MasterKey masterKey, List<NotificationChannel> channels, TransactionTemplate tx,
      @Value("${tongban.notification.max-attempts:8}") int maxAttempts) {
    this.jdbc = jdbc;
    this.masterKey = masterKey;
    this.channels = channels;
    this.tx = tx;
    this.maxAttempts = maxAttempts;
  }

  private record Pending(UUID id, Notice.Channel channel, byte[] address, String subject, String body, int attempts) {}

  @Scheduled(fixedDelayString = "${tongban.notification.poll-ms:1000}")
  void dispatch() {
    Integer sent;
    do {
      sent = tx.execute(s -> dispatchBatch(50));
    } while (sent != null && sent == 50);
  }

  /** Delivers up to {@code limit} due notices; returns how many were claimed. */
  int dispatchBatch(int limit) {
    List<Pending> batch = jdbc.sql("""
        select id, channel, address, subject, body, attempts from notification.outbox
        where status = 'PENDING' and next_attempt <= now()
        order by created_at limit ? for update skip locked""")
        .param(limit)
        .query((rs, i) -> new Pending(rs.getObject(1, UUID.class), Notice.Channel.valueOf(rs.getString(2)),
            rs.getBytes(3), rs.getString(4), rs.getString(5), rs.getInt(6)))
        .list();
    for (Pending p : batch) {
      deliver(p);
    }
    return batch.size();
  }

  private void deliver(Pending p) {
    NotificationChannel channel = channels.stream().filter(c -> c.supports(p.channel())).findFirst().orElse(null);
    try {
      if (channel == null) {
        throw new IllegalStateException("no channel configured for " + p.channel());
      }
      String address = new String(masterKey.open(p.address(), Notifications.SEAL_PURPOSE), StandardCharsets.UTF_8);
      channel.deliver(p.channel(), address, p.subject(), p.body());
      jdbc.sql("""
          update notification.outbox set status = 'SENT', sent_at = now(), attempts = attempts + 1, delivered_by = ?,
            last_error = null where id = ?""").params(channel.name(), p.id()).update();
    } catch (Exception e) {
      int attempts = p.attempts() + 1;
      boolean giveUp = attempts >= maxAttempts;
      Duration pause = Duration.ofSeconds((long) Math.min(3600, Math.pow(2, attempts) * 5));
      log.warn("Notice {} not delivered (attempt {}): {}", p.id(), attempts, e.getMessage());
      jdbc.sql("""
          update notification.outbox set status = ?, attempts = ?, last_error = ?,
            next_attempt = now() + cast(? as interval) where id = ?""")
          .params(giveUp ? "FAILED" : "PENDING", attempts, String.valueOf(e.getMessage()),
              pause.toSeconds() + " seconds", p.id())
          .update();
    }
  }
}
