package cn.tongban.license;

import cn.tongban.platform.crypto.MasterKey;
import cn.tongban.platform.crypto.Sm2;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SM2 seal keys, generated at first use (never committed) and kept sealed under the master key. When several
 * nodes start together, exactly one key becomes active. Behind this class a hardware security module can take over.
 */
@Component
class SigningKeys {
  static final String PURPOSE = "license-seal";

  record ActiveKey(String id, PrivateKey privateKey) {}

  private final JdbcClient jdbc;
  private final MasterKey masterKey;
  private final ConcurrentHashMap<String, PublicKey> publicKeys = new ConcurrentHashMap<>();

  SigningKeys(JdbcClient jdbc, MasterKey masterKey) {
    this.jdbc = jdbc;
    this.masterKey = masterKey;
  }

  ActiveKey active() {
    Optional<ActiveKey> key = loadActive();
    if (key.isPresent()) {
      return key.get();
    }
    KeyPair pair = Sm2.generateKeyPair();
    String id = "SM2-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    jdbc.sql("""
        insert into license.signing_key (id, purpose, algorithm, public_key, private_key, active)
        values (?, ?, 'SM2/SM3', ?, ?, true) on conflict do nothing""")
        .params(id, PURPOSE, pair.getPublic().getEncoded(), masterKey.seal(pair.getPrivate().getEncoded(), "signing-key:" + id))
        .update();
    return loadActive().orElseThrow();
  }

  private Optional<ActiveKey> loadActive() {
    return jdbc.sql("select id, private_key from license.signing_key where purpose = ? and active").param(PURPOSE)
        .query((rs, i) -> new ActiveKey(rs.getString(1),
            Sm2.privateKey(masterKey.open(rs.getBytes(2), "signing-key:" + rs.getString(1)))))
        .optional();
  }

  Optional<PublicKey> publicKey(String keyId) {
    PublicKey cached = publicKeys.get(keyId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<PublicKey> key = jdbc.sql("select public_key from license.signing_key where id = ?").param(keyId)
        .query((rs, i) -> Sm2.publicKey(rs.getBytes(1))).optional();
    key.ifPresent(k -> publicKeys.put(keyId, k));
    return key;
  }
}
