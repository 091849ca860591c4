package cn.tongban.license;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The electronic licenses issued by the platform. */
@Repository
class Licenses {
  private final JdbcClient jdbc;
  private final JsonMapper json;

  Licenses(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long nextSerial() {
    return jdbc.sql("select nextval('license.license_serial')").query(Long.class).single();
  }

  void insert(License l) {
    jdbc.sql("""
        insert into license.license (id, identifier, type_code, name, holder_name, holder_id, issuer_code, issuer_name,
          issued_on, valid_from, valid_until, data, application_number, status, key_id, signature)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""")
        .params(l.id(), l.identifier(), l.typeCode(), l.name(), l.holderName(), l.holderId(), l.issuerCode(),
            l.issuerName(), Date.valueOf(l.issuedOn()), Date.valueOf(l.validFrom()),
            l.validUntil() == null ? null : Date.valueOf(l.validUntil()), json.writeValueAsString(l.data()),
            l.applicationNumber(), l.status(), l.keyId(), l.signature())
        .update();
  }

  Optional<License> byIdentifier(String identifier) {
    return jdbc.sql("select * from license.license where identifier = ?").param(identifier).query(this::map).optional();
  }

  Optional<License> byId(UUID id) {
    return jdbc.sql("select * from license.license where id = ?").param(id).query(this::map).optional();
  }

  List<License> byHolder(String holderId) {
    return jdbc.sql("select * from license.license where holder_id = ? order by issued_on desc, created_at desc")
        .param(holderId).query(this::map).list();
  }

  private License map(ResultSet rs, int i) throws SQLException {
    Date until = rs.getDate("valid_until");
    return new License(rs.getObject("id", UUID.class), rs.getString("identifier"), rs.getString("type_code"),
        rs.getString("name"), rs.getString("holder_name"), rs.getString("holder_id"), rs.getString("issuer_code"),
        rs.getString("issuer_name"), rs.getDate("issued_on").toLocalDate(), rs.getDate("valid_from").toLocalDate(),
        until == null ? null : until.toLocalDate(),
        json.readValue(rs.getString("data"), new TypeReference<Map<String, String>>() {}),
        rs.getString("application_number"), rs.getString("status"), rs.getString("key_id"), rs.getBytes("signature"));
  }
}
