package cn.tongban.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The versions of service items. */
@Repository
class ServiceItems {
  private final JdbcClient jdbc;
  private final JsonMapper json;

  ServiceItems(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  List<ServiceItem> published() {
    return jdbc.sql("select * from catalog.service_item where status = 'PUBLISHED' order by department_code, code")
        .query(this::map).list();
  }

  Optional<ServiceItem> publishedByCode(String code) {
    return jdbc.sql("select * from catalog.service_item where code = ? and status = 'PUBLISHED'").param(code)
        .query(this::map).optional();
  }

  Optional<ServiceItem> byCodeAndVersion(String code, int version) {
    return jdbc.sql("select * from catalog.service_item where code = ? and version = ?").params(code, version)
        .query(this::map).optional();
  }

  boolean exists(String code) {
    return jdbc.sql("select count(*) from catalog.service_item where code = ?").param(code).query(Integer.class)
        .single() > 0;
  }

  void insertPublished(ServiceItem i) {
    jdbc.sql("""
        insert into catalog.service_item (code, version, status, name, item_type, department_code, department_name,
          department_credit_code, region_code, region_name, statutory_days, promised_days, immediate, visits_required,
          process_key, license_type_code, license_validity_years, guide)
        values (:code, :version, 'PUBLISHED', :name, :type, :dept, :deptName, :deptUscc, :region, :regionName,
          :statutory, :promised, :immediate, :visits, :process, :licenseType, :validity, cast(:guide as jsonb))
        on conflict do nothing""")
        .param("code", i.code()).param("version", i.version()).param("name", i.name()).param("type", i.type().name())
        .param("dept", i.departmentCode()).param("deptName", i.departmentName())
        .param("deptUscc", i.departmentCreditCode()).param("region", i.regionCode())
        .param("regionName", i.regionName()).param("statutory", i.statutoryDays()).param("promised", i.promisedDays())
        .param("immediate", i.immediate()).param("visits", i.visitsRequired()).param("process", i.processKey())
        .param("licenseType", i.licenseTypeCode()).param("validity", i.licenseValidityYears())
        .param("guide", json.writeValueAsString(i.guide()))
        .update();
  }

  private ServiceItem map(ResultSet rs, int row) throws SQLException {
    return new ServiceItem(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
        ItemType.valueOf(rs.getString("item_type")), rs.getString("department_code"), rs.getString("department_name"),
        rs.getString("department_credit_code"), rs.getString("region_code"), rs.getString("region_name"),
        rs.getInt("statutory_days"), rs.getInt("promised_days"), rs.getBoolean("immediate"),
        rs.getInt("visits_required"), rs.getString("process_key"), rs.getString("license_type_code"),
        (Integer) rs.getObject("license_validity_years"), json.readValue(rs.getString("guide"), Guide.class));
  }
}
