package cn.tongban.license;

import cn.tongban.license.internal.HolderIds;
import cn.tongban.license.internal.SealKeyStore;
import cn.tongban.platform.crypto.Sm2;
import cn.tongban.platform.crypto.Sm3;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Electronic signatures of people (GB/T 32918 SM2 over SM3): an applicant signs a submission, staff sign a
 * decision, each with an SM2 key bound to their identity and held in the key store. Each signature keeps its
 * signer, time and exactly what was signed (canonical text and its SM3), so it can be checked again at any time.
 */
@Service
public class SignatureService {
  private final JdbcClient jdbc;
  private final SealKeyStore keys;
  private final HolderIds holders;

  SignatureService(JdbcClient jdbc, SealKeyStore keys, HolderIds holders) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.holders = holders;
  }

  /** A person is recorded, and owns a key, by the blind index of the ID number, never the number itself. */
  private String storedId(Signer signer) {
    return "PERSON".equals(signer.kind()) ? holders.index(signer.id()) : signer.id();
  }

  /** Who signs: an applicant by citizen ID number, or a staff member by account. */
  public record Signer(String kind, String id, String name) {
    public static Signer person(String citizenId, String name) {
      return new Signer("PERSON", citizenId, name);
    }

    public static Signer staff(String accountId, String label) {
      return new Signer("STAFF", accountId, label);
    }

    String keyOwner(String storedId) {
      return ("PERSON".equals(kind) ? "person:" : "staff:") + storedId;
    }
  }

  public record SignedStatement(UUID id, String signerKind, String signerId, String signerName, String keyId,
      String purpose, String subject, String contentSm3, Instant signedAt, boolean valid) {}

  /**
   * Signs {@code content} (sorted {@code key=value} lines) for {@code purpose} about {@code subject} (e.g. a case
   * number), in the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public SignedStatement sign(Signer signer, String purpose, String subject, Map<String, String> content) {
    String text = canonical(purpose, subject, content);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String signerId = storedId(signer);
    String keyId = keys.activeKeyId(signer.keyOwner(signerId));
    byte[] signature = keys.sign(keyId, bytes);
    UUID id = UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String sm3 = Sm3.hex(bytes);
    jdbc.sql("""
        insert into license.signature (id, signer_kind, signer_id, signer_name, key_id, purpose, subject,
          content_sealed, content_sm3, signature, signed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, signer.kind(), signerId, signer.name(), keyId, purpose, subject,
            holders.seal(text, "signed-content"), sm3, signature, Timestamp.from(now)).update();
    return new SignedStatement(id, signer.kind(), signerId, signer.name(), keyId, purpose, subject, sm3, now, true);
  }

  /** The signatures about a subject, each checked again against its key and the stored content. */
  @Transactional(readOnly = true)
  public List<SignedStatement> about(String subject) {
    return jdbc.sql("""
        select id, signer_kind, signer_id, signer_name, key_id, purpose, subject, content_sealed, content_sm3, signature,
          signed_at from license.signature where subject = ? order by signed_at""").param(subject)
        .query((rs, i) -> {
          byte[] content = holders.open(rs.getBytes("content_sealed"), "signed-content").getBytes(StandardCharsets.UTF_8);
          byte[] signature = rs.getBytes("signature");
          boolean valid = Sm3.hex(content).equals(rs.getString("content_sm3"))
              && keys.publicKey(rs.getString("key_id")).map(k -> Sm2.verify(k, content, signature)).orElse(false);
          return new SignedStatement(rs.getObject("id", UUID.class), rs.getString("signer_kind"),
              rs.getString("signer_id"), rs.getString("signer_name"), rs.getString("key_id"), rs.getString("purpose"),
              rs.getString("subject"), rs.getString("content_sm3"), rs.getTimestamp("signed_at").toInstant(), valid);
        }).list();
  }

  static String canonical(String purpose, String subject, Map<String, String> content) {
    StringBuilder sb = new StringBuilder("TONGBAN-SIGNATURE-V1\n");
    sb.append("purpose=").append(escape(purpose)).append('\n').append("subject=").append(escape(subject)).append('\n');
    new TreeMap<>(content).forEach((k, v) -> sb.append(escape(k)).append('=').append(escape(v)).append('\n'));
    return sb.toString();
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=");
  }
}
