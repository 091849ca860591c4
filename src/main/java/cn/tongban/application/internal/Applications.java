package cn.tongban.application.internal;

import cn.tongban.application.ActingParty;
import cn.tongban.application.Application;
import cn.tongban.application.ApplicationId;
import cn.tongban.application.ApplicationStatus;
import cn.tongban.application.TimelineEntry;
import cn.tongban.catalog.ItemCode;
import cn.tongban.identity.AccountId;
import cn.tongban.identity.DepartmentCode;
import cn.tongban.license.LicenseIdentifier;
import cn.tongban.platform.crypto.PersonalData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The cases, their timelines and their materials. Updates are optimistic: a stale case is refused. */
@Repository
public class Applications {
  static final String CITIZEN_ID = "citizen-id";
  static final String FORM_DATA = "form-data";

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final PersonalData personal;

  Applications(JdbcClient jdbc, JsonMapper json, PersonalData personal) {
    this.jdbc = jdbc;
    this.json = json;
    this.personal = personal;
  }

  private byte[] sealForm(Map<String, String> form) {
    return personal.seal(json.writeValueAsString(form), FORM_DATA);
  }

  public void insert(Application a) {
    jdbc.sql("""
        insert into application.application (id, number, query_code, item_code, item_version, item_name,
          department_code, department_name, applicant_id, applicant_name, applicant_citizen_id_sealed, channel,
          status, result, form_data_sealed, idempotency_key, process_instance_id, license_identifier, open_notice, submitted_at,
          accepted_at, decided_at, concluded_at, version, party_type, party_id, party_name, agent_id, agent_name,
          representation)
        values (:id, :number, :queryCode, :itemCode, :itemVersion, :itemName, :dept, :deptName, :applicantId,
          :applicantName, :applicantCid, :channel, :status, :result, :form, :idem, :pid, :license,
          :notice, :submittedAt, :acceptedAt, :decidedAt, :concludedAt, 0, :partyType, :partyId, :partyName,
          :agentId, :agentName, :representation)""")
        .param("id", a.id().value()).param("number", a.number()).param("queryCode", a.queryCode())
        .param("itemCode", a.itemCode().value()).param("itemVersion", a.itemVersion()).param("itemName", a.itemName())
        .param("dept", a.departmentCode().value()).param("deptName", a.departmentName())
        .param("applicantId", a.applicantId().value())
        .param("applicantName", a.applicantName()).param("applicantCid", personal.seal(a.applicantCitizenId(), CITIZEN_ID))
        .param("channel", a.channel()).param("status", a.status().name()).param("result", a.result())
        .param("form", sealForm(a.formData())).param("idem", a.idempotencyKey())
        .param("pid", a.processInstanceId()).param("license", licenseValue(a)).param("notice", a.openNotice())
        .param("submittedAt", ts(a.submittedAt())).param("acceptedAt", ts(a.acceptedAt()))
        .param("decidedAt", ts(a.decidedAt())).param("concludedAt", ts(a.concludedAt()))
        .param("partyType", a.acting().partyType()).param("partyId", a.acting().partyId())
        .param("partyName", a.acting().partyName()).param("agentId", a.acting().agentId())
        .param("agentName", a.acting().agentName()).param("representation", a.acting().representation())
        .update();
    appendTimeline(a);
  }

  /** Saves a changed case; refuses when someone else changed it since it was read. */
  public void update(Application a) {
    int rows = jdbc.sql("""
        update application.application set status = :status, result = :result, form_data_sealed = :form,
          process_instance_id = :pid, license_identifier = :license, open_notice = :notice, accepted_at = :acceptedAt,
          decided_at = :decidedAt, concluded_at = :concludedAt, version = version + 1
        where id = :id and version = :version""")
        .param("status", a.status().name()).param("result", a.result())
        .param("form", sealForm(a.formData())).param("pid", a.processInstanceId())
        .param("license", licenseValue(a)).param("notice", a.openNotice())
        .param("acceptedAt", ts(a.acceptedAt())).param("decidedAt", ts(a.decidedAt()))
        .param("concludedAt", ts(a.concludedAt())).param("id", a.id().value()).param("version", a.version())
        .update();
    if (rows != 1) {
      throw new OptimisticLockingFailureException("application " + a.number() + " was changed concurrently");
    }
    a.versionSaved(a.version() + 1);
    appendTimeline(a);
  }

  private void appendTimeline(Application a) {
    for (TimelineEntry e : a.drainNewEntries()) {
      jdbc.sql("""
          insert into application.application_event (application_id, occurred_at, action, status, actor_label, comment)
          values (?, ?, ?, ?, ?, ?)""")
          .params(a.id().value(), ts(e.occurredAt()), e.action(), e.status().name(), e.actorLabel(), e.comment()).update();
    }
  }

  public Optional<Application> byId(UUID id) {
    return jdbc.sql("select * from application.application where id = ?").param(id).query(this::map).optional();
  }

  /** For update: locks the row so concurrent handlers of the same case queue up. */
  public Optional<Application> byIdForUpdate(UUID id) {
    return jdbc.sql("select * from application.application where id = ? for update").param(id).query(this::map)
        .optional();
  }

  /** For update by 办件编号: locks the row like {@link #byIdForUpdate}. */
  public Optional<Application> byNumberForUpdate(String number) {
    return jdbc.sql("select * from application.application where number = ? for update").param(number)
        .query(this::map).optional();
  }

  Optional<Application> byNumber(String number) {
    return jdbc.sql("select * from application.application where number = ?").param(number).query(this::map)
        .optional();
  }

  /** The fingerprint of the request that created the case under this key (null for cases from before it was kept). */
  public Optional<String> requestFingerprint(ApplicationId applicationId) {
    return jdbc.sql("select request_fingerprint from application.application where id = ?").param(applicationId.value())
        .query((rs, i) -> rs.getString(1)).optional().filter(Objects::nonNull);
  }

  public void recordRequestFingerprint(ApplicationId applicationId, String fingerprint) {
    jdbc.sql("update application.application set request_fingerprint = ? where id = ?").params(fingerprint, applicationId.value())
        .update();
  }

  public Optional<Application> byIdempotencyKey(UUID applicantId, String key) {
    return jdbc.sql("select * from application.application where applicant_id = ? and idempotency_key = ?")
        .params(applicantId, key).query(this::map).optional();
  }

  List<Application> ofApplicant(UUID applicantId) {
    return jdbc.sql("select * from application.application where applicant_id = ? order by submitted_at desc")
        .param(applicantId).query(this::map).list();
  }

  /** The cases made for an applicant party (a person or an enterprise). */
  List<Application> ofParty(String partyType, UUID partyId) {
    return jdbc.sql("""
        select * from application.application where party_type = ? and party_id = ? order by submitted_at desc""")
        .params(partyType, partyId).query(this::map).list();
  }

  List<TimelineEntry> timeline(UUID applicationId) {
    return jdbc.sql("select * from application.application_event where application_id = ? order by id")
        .param(applicationId)
        .query((rs, i) -> new TimelineEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("action"),
            null, ApplicationStatus.valueOf(rs.getString("status")), rs.getString("actor_label"),
            rs.getString("comment")))
        .list();
  }

  public void insertMaterial(StoredMaterial m) {
    jdbc.sql("""
        insert into application.application_material (id, application_id, requirement_code, file_name, content_type,
          size_bytes, sm3, storage_key, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(m.id(), m.applicationId(), m.requirementCode(), m.fileName(), m.contentType(), m.sizeBytes(), m.sm3(),
            m.storageKey(), ts(m.uploadedAt()))
        .update();
  }

  public void insertDelivery(UUID applicationId, Delivery d) {
    jdbc.sql("insert into application.application_delivery (application_id, method, address) values (?, ?, ?)")
        .params(applicationId, d.method(), d.address()).update();
  }

  /** The delivery choice; cases from before it existed are electronic only. */
  Delivery delivery(UUID applicationId) {
    return jdbc.sql("select method, address, tracking_number from application.application_delivery where application_id = ?")
        .param(applicationId).query((rs, i) -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional().orElse(Delivery.electronic());
  }

  public boolean recordTrackingNumber(UUID applicationId, String trackingNumber) {
    return jdbc.sql("""
        update application.application_delivery set tracking_number = ?, recorded_at = now()
        where application_id = ? and method = 'MAIL'""").params(trackingNumber, applicationId).update() == 1;
  }

  List<StoredMaterial> materials(UUID applicationId) {
    return jdbc.sql("select * from application.application_material where application_id = ? order by uploaded_at, requirement_code")
        .param(applicationId)
        .query((rs, i) -> new StoredMaterial(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
            rs.getString("requirement_code"), rs.getString("file_name"), rs.getString("content_type"),
            rs.getLong("size_bytes"), rs.getString("sm3"), rs.getString("storage_key"),
            rs.getTimestamp("uploaded_at").toInstant()))
        .list();
  }

  /** The next number of the day, atomically, whatever the number of nodes. */
  public int nextDailySequence(LocalDate day) {
    return jdbc.sql("""
        insert into application.number_counter (day, last_value) values (?, 1)
        on conflict (day) do update set last_value = number_counter.last_value + 1
        returning last_value""").param(Date.valueOf(day)).query(Integer.class).single();
  }

  private Application map(ResultSet rs, int i) throws SQLException {
    AccountId applicantId = AccountId.of(rs.getObject("applicant_id", UUID.class));
    String applicantName = rs.getString("applicant_name");
    Application.Filing filing = new Application.Filing(ApplicationId.of(rs.getObject("id", UUID.class)),
        rs.getString("number"), rs.getString("query_code"),
        new Application.CaseItem(ItemCode.of(rs.getString("item_code")), rs.getInt("item_version"),
            rs.getString("item_name"), DepartmentCode.of(rs.getString("department_code")),
            rs.getString("department_name")),
        new Application.Applicant(applicantId, applicantName,
            personal.open(rs.getBytes("applicant_citizen_id_sealed"), CITIZEN_ID)),
        rs.getString("channel"), rs.getString("idempotency_key"),
        json.readValue(personal.open(rs.getBytes("form_data_sealed"), FORM_DATA),
            new TypeReference<Map<String, String>>() {}));
    String license = rs.getString("license_identifier");
    Application.Progress progress = new Application.Progress(ApplicationStatus.valueOf(rs.getString("status")),
        rs.getString("result"), rs.getString("process_instance_id"),
        license == null ? null : LicenseIdentifier.of(license), rs.getString("open_notice"),
        instant(rs, "accepted_at"), instant(rs, "decided_at"), instant(rs, "concluded_at"));
    UUID partyId = rs.getObject("party_id", UUID.class);
    ActingParty acting = new ActingParty(rs.getString("party_type"), partyId == null ? applicantId.value() : partyId,
        partyId == null ? applicantName : rs.getString("party_name"), rs.getObject("agent_id", UUID.class),
        rs.getString("agent_name"), rs.getString("representation"));
    return Application.restore(new Application.Stored(filing, instant(rs, "submitted_at"), progress,
        rs.getInt("version"), acting));
  }

  private static String licenseValue(Application a) {
    return a.licenseIdentifier() == null ? null : a.licenseIdentifier().value();
  }

  private static Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
