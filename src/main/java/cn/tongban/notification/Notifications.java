package cn.tongban.notification;

import cn.tongban.platform.crypto.MasterKey;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues notices in the caller's transaction: a notice goes out if and only if the action that caused it commits. */
@Service
public class Notifications {
  public static final String SEAL_PURPOSE = "notification-address";

  private final JdbcClient jdbc;
  private final MasterKey masterKey;

  Notifications(JdbcClient jdbc, MasterKey masterKey) {
    this.jdbc = jdbc;
    this.masterKey = masterKey;
  }

  /** What an outbox list shows: no full address, ever. */
  public record Sent(UUID id, String channel, String addressShown, String subject, String body, String status,
      Instant createdAt) {}

  @Transactional(propagation = Propagation.MANDATORY)
  public UUID send(Notice n) {
    if (n.address() == null || n.address().isBlank()) {
      throw new IllegalArgumentException("a notice needs an address");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into notification.outbox (id, channel, recipient_id, address, address_shown, subject, body, status)
        values (?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
        .params(id, n.channel().name(), n.recipientId(),
            masterKey.seal(n.address().getBytes(StandardCharsets.UTF_8), SEAL_PURPOSE), mask(n.address()),
            n.subject(), n.body())
        .update();
    return id;
  }

  /** The latest notices to one recipient, newest first. */
  @Transactional(readOnly = true)
  public List<Sent> sentTo(String recipientId, int limit) {
    return jdbc.sql("""
        select id, channel, address_shown, subject, body, status, created_at from notification.outbox
        where recipient_id = ? order by created_at desc limit ?""")
        .params(recipientId, limit).query(Notifications::row).list();
  }

  @Transactional(readOnly = true)
  public List<Sent> latest(int limit) {
    return jdbc.sql("""
        select id, channel, address_shown, subject, body, status, created_at from notification.outbox
        order by created_at desc limit ?""").param(limit).query(Notifications::row).list();
  }

  private static Sent row(ResultSet rs, int i) throws SQLException {
    return new Sent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getTimestamp(7).toInstant());
  }

  /** 138****0001 for phones, z***@example.cn for e-mail. */
  public static String mask(String address) {
    if (address == null) {
      return "";
    }
    int at = address.indexOf('@');
    if (at > 0) {
      return address.charAt(0) + "***" + address.substring(at);
    }
    if (address.length() >= 7) {
      return address.substring(0, 3) + "****" + address.substring(address.length() - 4);
    }
    return "****";
  }
}
