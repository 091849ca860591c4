package cn.tongban.license.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The license catalog (证照目录). */
@Repository
class LicenseTypes {
  private final JdbcClient jdbc;
  private final JsonMapper json;

  LicenseTypes(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<LicenseType> byCode(String code) {
    return jdbc.sql("select * from license.license_type where code = ?").param(code)
        .query((rs, i) -> new LicenseType(rs.getString("code"), rs.getString("name"), rs.getString("issuer_code"),
            rs.getString("issuer_name"), rs.getString("department_code"),
            json.readValue(rs.getString("fields"), new TypeReference<List<LicenseType.Field>>() {}),
            (Integer) rs.getObject("validity_years"), rs.getBoolean("annual_check")))
        .optional();
  }

  List<LicenseType> all() {
    return jdbc.sql("select code from license.license_type order by code").query(String.class).list().stream()
        .map(c -> byCode(c).orElseThrow()).toList();
  }
}
