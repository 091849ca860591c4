package cn.tongban.catalog.internal;

import cn.tongban.catalog.Guide;
import cn.tongban.catalog.ItemType;
import cn.tongban.catalog.LifeEvent;
import cn.tongban.catalog.RegionLevel;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.catalog.ServiceTag;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The versions of service items: at most one published and at most one in preparation (draft or review) per code. */
@Repository
public class ServiceItems {
  private final JdbcClient jdbc;
  private final JsonMapper json;

  /**
   * Guides are stored as JSON documents written by whichever version of Tongban published them: an element added
   * later (a number, a flag) is simply absent from older versions and reads as its default.
   */
  ServiceItems(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).build();
  }

  public record Version(ServiceItem item, String status, String changedBy, String changeNote, Instant createdAt,
      Instant publishedAt) {}

  List<ServiceItem> published() {
    return jdbc.sql("select * from catalog.service_item where status = 'PUBLISHED' order by department_code, code")
        .query(this::map).list();
  }

  public Optional<ServiceItem> publishedByCode(String code) {
    return jdbc.sql("select * from catalog.service_item where code = ? and status = 'PUBLISHED'").param(code)
        .query(this::map).optional();
  }

  public Optional<ServiceItem> byCodeAndVersion(String code, int version) {
    return jdbc.sql("select * from catalog.service_item where code = ? and version = ?").params(code, version)
        .query(this::map).optional();
  }

  /** The draft or the version under review, locked for the change. */
  Optional<Version> openForUpdate(String code) {
    return jdbc.sql("select * from catalog.service_item where code = ? and status in ('DRAFT', 'REVIEW') for update")
        .param(code).query(this::version).optional();
  }

  public List<Version> versions(String code) {
    return jdbc.sql("select * from catalog.service_item where code = ? order by version desc").param(code)
        .query(this::version).list();
  }

  /** Locks the item's rows so two editors of one item queue; returns the highest version, 0 for a new item. */
  int lockLatestVersion(String code) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('catalog.item:' || ?))").param(code).query((rs, i) -> 1).list();
    return jdbc.sql("select coalesce(max(version), 0) from catalog.service_item where code = ?").param(code)
        .query(Integer.class).single();
  }

  public boolean exists(String code) {
    return jdbc.sql("select count(*) from catalog.service_item where code = ?").param(code).query(Integer.class)
        .single() > 0;
  }

  /** A fingerprint of the published catalog: changes whenever anything is published or withdrawn. */
  String publishedFingerprint() {
    return jdbc.sql("select count(*) || ':' || coalesce(max(published_at)::text, '') || ':' || coalesce(sum(id), 0) "
        + "from catalog.service_item where status = 'PUBLISHED'").query(String.class).single();
  }

  public void insert(ServiceItem i, String status, String changedBy, String note) {
    jdbc.sql("""
        insert into catalog.service_item (code, version, status, name, item_type, department_code, department_name,
          department_credit_code, region_code, region_name, statutory_days, promised_days, immediate, visits_required,
          process_key, license_type_code, license_validity_years, guide, base_code, region_level, online_depth, tags,
          life_events, keywords, changed_by, change_note, published_at)
        values (:code, :version, :status, :name, :type, :dept, :deptName, :deptUscc, :region, :regionName,
          :statutory, :promised, :immediate, :visits, :process, :licenseType, :validity, cast(:guide as jsonb),
          :baseCode, :level, :depth, cast(:tags as text[]), cast(:events as text[]),
          cast(:keywords as text[]), :changedBy, :note,
          case when :status = 'PUBLISHED' then now() end)""")
        .param("code", i.code()).param("version", i.version()).param("status", status).param("name", i.name())
        .param("type", i.type().name()).param("dept", i.departmentCode()).param("deptName", i.departmentName())
        .param("deptUscc", i.departmentCreditCode()).param("region", i.regionCode())
        .param("regionName", i.regionName()).param("statutory", i.statutoryDays()).param("promised", i.promisedDays())
        .param("immediate", i.immediate()).param("visits", i.visitsRequired()).param("process", i.processKey())
        .param("licenseType", i.licenseTypeCode()).param("validity", i.licenseValidityYears())
        .param("guide", json.writeValueAsString(i.guide())).param("baseCode", i.baseCode())
        .param("level", i.regionLevel().name()).param("depth", i.onlineDepth())
        .param("tags", textArray(i.tags().stream().map(Enum::name).toList()))
        .param("events", textArray(i.lifeEvents().stream().map(Enum::name).toList()))
        .param("keywords", textArray(i.keywords()))
        .param("changedBy", changedBy).param("note", note)
        .update();
  }

  /** Replaces the content of the open (draft) version in place. */
  void replaceDraft(ServiceItem i, String changedBy, String note) {
    jdbc.sql("delete from catalog.service_item where code = ? and version = ? and status = 'DRAFT'")
        .params(i.code(), i.version()).update();
    insert(i, "DRAFT", changedBy, note);
  }

  void setStatus(String code, int version, String from, String to) {
    int n = jdbc.sql("update catalog.service_item set status = ?, published_at = case when ? = 'PUBLISHED' then now() "
            + "else published_at end where code = ? and version = ? and status = ?")
        .params(to, to, code, version, from).update();
    if (n != 1) {
      throw new IllegalStateException("item " + code + " v" + version + " is not " + from);
    }
  }

  /** Retires the published version, if any, so that another can be published. */
  void supersedePublished(String code) {
    jdbc.sql("update catalog.service_item set status = 'SUPERSEDED' where code = ? and status = 'PUBLISHED'")
        .param(code).update();
  }

  private Version version(ResultSet rs, int row) throws SQLException {
    var published = rs.getTimestamp("published_at");
    return new Version(map(rs, row), rs.getString("status"), rs.getString("changed_by"), rs.getString("change_note"),
        rs.getTimestamp("created_at").toInstant(), published == null ? null : published.toInstant());
  }

  private ServiceItem map(ResultSet rs, int row) throws SQLException {
    return new ServiceItem(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
        ItemType.valueOf(rs.getString("item_type")), rs.getString("department_code"), rs.getString("department_name"),
        rs.getString("department_credit_code"), rs.getString("region_code"), rs.getString("region_name"),
        rs.getInt("statutory_days"), rs.getInt("promised_days"), rs.getBoolean("immediate"),
        rs.getInt("visits_required"), rs.getString("process_key"), rs.getString("license_type_code"),
        (Integer) rs.getObject("license_validity_years"), json.readValue(rs.getString("guide"), Guide.class),
        rs.getString("base_code"), RegionLevel.valueOf(rs.getString("region_level")), rs.getInt("online_depth"),
        strings(rs.getArray("tags")).stream().map(ServiceTag::valueOf).toList(),
        strings(rs.getArray("life_events")).stream().map(LifeEvent::valueOf).toList(),
        strings(rs.getArray("keywords")));
  }

  /** A PostgreSQL text[] literal, every element quoted and escaped. */
  static String textArray(List<String> values) {
    StringBuilder sb = new StringBuilder("{");
    for (String v : values) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append('}').toString();
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }
}
