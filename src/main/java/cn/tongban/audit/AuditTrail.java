package cn.tongban.audit;

import cn.tongban.platform.crypto.Sm3;
import cn.tongban.platform.security.ActorIdentity;
import cn.tongban.platform.web.RequestChannel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who did what, when, on which object and through which channel. Records are appended to one SM3 hash
 * chain in the caller's transaction: an action that rolls back leaves no record, and a record cannot be changed
 * or removed without breaking every hash after it ({@link #verifyChain()}).
 */
@Service
public class AuditTrail {
  private final JdbcClient jdbc;

  AuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records an action by the current user (or the system when nobody is signed in). */
  @Transactional(propagation = Propagation.MANDATORY)
  public AuditRecord record(String action, String objectType, String objectId, String detail) {
    var actor = ActorIdentity.current();
    return append(actor.map(ActorIdentity::actorId).orElse("system"),
        actor.map(ActorIdentity::actorName).orElse("系统"), actor.map(ActorIdentity::actorRole).orElse("SYSTEM"),
        RequestChannel.current().name(), RequestChannel.clientAddress(), action, objectType, objectId, detail);
  }

  /** Records an action by a named actor (e.g. a person who has just registered and is not signed in yet). */
  @Transactional(propagation = Propagation.MANDATORY)
  public AuditRecord recordAs(String actorId, String actorName, String actorRole, String action, String objectType,
      String objectId, String detail) {
    return append(actorId, actorName, actorRole, RequestChannel.current().name(), RequestChannel.clientAddress(),
        action, objectType, objectId, detail);
  }

  /**
   * Records an action that follows from an earlier one and is done later, outside the request that caused it (e.g.
   * a case's conclusion once the license its decision granted has been issued): under the actor and channel of the
   * record that caused it.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public AuditRecord recordFollowing(AuditRecord cause, String action, String objectType, String objectId,
      String detail) {
    return append(cause.actorId(), cause.actorName(), cause.actorRole(), cause.channel(), cause.clientAddress(),
        action, objectType, objectId, detail);
  }

  private AuditRecord append(String actorId, String actorName, String actorRole, String channel,
      String clientAddress, String action, String objectType, String objectId, String detail) {
    var head = jdbc.sql("select last_seq, last_hash from audit.chain_head where id = 1 for update")
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
    long seq = (Long) head[0] + 1;
    String prev = (String) head[1];
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    var unsigned = new AuditRecord(seq, now, actorId, actorName, actorRole, channel, clientAddress, action,
        objectType, objectId, detail, prev, null);
    String hash = Sm3.hex(unsigned.canonical());
    var rec = new AuditRecord(seq, now, actorId, actorName, actorRole, unsigned.channel(), unsigned.clientAddress(),
        action, objectType, objectId, detail, prev, hash);
    jdbc.sql("""
        insert into audit.audit_record (seq, occurred_at, actor_id, actor_name, actor_role, channel, client_addr,
          action, object_type, object_id, detail, prev_hash, hash)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(seq, Timestamp.from(now), actorId, actorName, actorRole, rec.channel(), rec.clientAddress(),
            action, objectType, objectId, detail, prev, hash)
        .update();
    jdbc.sql("update audit.chain_head set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
    return rec;
  }

  /** The records about one object, oldest first. */
  @Transactional(readOnly = true)
  public List<AuditRecord> forObject(String objectType, String objectId) {
    return jdbc.sql("select * from audit.audit_record where object_type = ? and object_id = ? order by seq")
        .params(objectType, objectId).query(AuditTrail::map).list();
  }

  /**
   * Re-computes every hash from the first record on. Returns the sequence number of the first record that does not
   * match (altered, inserted or removed), or -1 when the whole chain is intact.
   */
  @Transactional(readOnly = true)
  public long verifyChain() {
    String expectedPrev = "0".repeat(64);
    long expectedSeq = 1;
    for (AuditRecord r : jdbc.sql("select * from audit.audit_record order by seq").query(AuditTrail::map).list()) {
      if (r.seq() != expectedSeq || !r.prevHash().equals(expectedPrev) || !Sm3.hex(r.canonical()).equals(r.hash())) {
        return r.seq();
      }
      expectedPrev = r.hash();
      expectedSeq++;
    }
    var head = jdbc.sql("select last_seq, last_hash from audit.chain_head where id = 1")
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
    if ((Long) head[0] != expectedSeq - 1 || !head[1].equals(expectedPrev)) {
      return expectedSeq; // records were removed from the end
    }
    return -1;
  }

  private static AuditRecord map(ResultSet rs, int i) throws SQLException {
    return new AuditRecord(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_id"),
        rs.getString("actor_name"), rs.getString("actor_role"), rs.getString("channel"), rs.getString("client_addr"),
        rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"), rs.getString("detail"),
        rs.getString("prev_hash"), rs.getString("hash"));
  }
}
