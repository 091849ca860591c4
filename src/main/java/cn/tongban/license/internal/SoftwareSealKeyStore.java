package cn.tongban.license.internal;

import cn.tongban.platform.crypto.MasterKey;
import cn.tongban.platform.crypto.Sm2;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The software key store: SM2 key pairs generated at first use (never committed), private keys stored in
 * {@code license.signing_key} sealed with SM4-GCM under the master key, which comes from configuration
 * ({@code TONGBAN_MASTER_KEY}) and never from the database. Several nodes share it through the database: a unique
 * index allows one active key per owner, and a node that loses the race to create it uses the winner's.
 */
@Component
class SoftwareSealKeyStore implements SealKeyStore {
  private final JdbcClient jdbc;
  private final MasterKey masterKey;
  private final ConcurrentHashMap<String, PublicKey> publicKeys = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, PrivateKey> privateKeys = new ConcurrentHashMap<>();

  SoftwareSealKeyStore(JdbcClient jdbc, MasterKey masterKey) {
    this.jdbc = jdbc;
    this.masterKey = masterKey;
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRED)
  public String activeKeyId(String owner) {
    return loadActive(owner).orElseGet(() -> {
      create(owner);
      return loadActive(owner).orElseThrow();
    });
  }

  @Override
  public byte[] sign(String keyId, byte[] message) {
    PrivateKey key = privateKeys.computeIfAbsent(keyId, id -> jdbc.sql(
            "select private_key from license.signing_key where id = ? and active").param(id)
        .query((rs, i) -> Sm2.privateKey(masterKey.open(rs.getBytes(1), "signing-key:" + id))).optional()
        .orElseThrow(() -> new IllegalStateException("no active signing key " + id)));
    return Sm2.sign(key, message);
  }

  @Override
  public Optional<PublicKey> publicKey(String keyId) {
    PublicKey cached = publicKeys.get(keyId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<PublicKey> key = jdbc.sql("select public_key from license.signing_key where id = ?").param(keyId)
        .query((rs, i) -> Sm2.publicKey(rs.getBytes(1))).optional();
    key.ifPresent(k -> publicKeys.put(keyId, k));
    return key;
  }

  @Override
  @Transactional
  public String rotate(String owner) {
    jdbc.sql("update license.signing_key set active = false, retired_at = now() where owner = ? and active")
        .param(owner).update();
    privateKeys.clear();
    create(owner);
    return loadActive(owner).orElseThrow();
  }

  private void create(String owner) {
    KeyPair pair = Sm2.generateKeyPair();
    String id = "SM2-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase();
    jdbc.sql("""
        insert into license.signing_key (id, purpose, algorithm, public_key, private_key, active, owner)
        values (?, ?, 'SM2/SM3', ?, ?, true, ?) on conflict do nothing""")
        .params(id, purposeOf(owner), pair.getPublic().getEncoded(),
            masterKey.seal(pair.getPrivate().getEncoded(), "signing-key:" + id), owner)
        .update();
  }

  private Optional<String> loadActive(String owner) {
    return jdbc.sql("select id from license.signing_key where owner = ? and active").param(owner)
        .query(String.class).optional();
  }

  private static String purposeOf(String owner) {
    int colon = owner.indexOf(':');
    return switch (colon < 0 ? owner : owner.substring(0, colon)) {
      case "issuer" -> "license-seal";
      case "person", "staff" -> "personal-signature";
      default -> "platform";
    };
  }
}
