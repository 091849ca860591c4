package cn.tongban.application.internal;

import cn.tongban.platform.crypto.PersonalData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Unfinished forms, one per applicant and item; the values are stored only SM4-sealed. */
@Repository
class Drafts {
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final PersonalData personal;

  Drafts(JdbcClient jdbc, JsonMapper json, PersonalData personal) {
    this.jdbc = jdbc;
    this.json = json;
    this.personal = personal;
  }

  void save(UUID applicantId, String itemCode, Map<String, String> formData, List<String> commitments, Instant now) {
    jdbc.sql("""
        insert into application.draft (applicant_id, item_code, form_data_sealed, commitments, created_at, saved_at)
        values (:applicant, :item, :form, :commitments, :now, :now)
        on conflict (applicant_id, item_code) do update
          set form_data_sealed = excluded.form_data_sealed, commitments = excluded.commitments, saved_at = excluded.saved_at""")
        .param("applicant", applicantId).param("item", itemCode)
        .param("form", personal.seal(json.writeValueAsString(formData), Applications.FORM_DATA))
        .param("commitments", String.join(",", commitments)).param("now", Timestamp.from(now)).update();
  }

  Optional<Draft> find(UUID applicantId, String itemCode) {
    return jdbc.sql("""
        select item_code, form_data_sealed, commitments, saved_at from application.draft
        where applicant_id = ? and item_code = ?""").params(applicantId, itemCode)
        .query((rs, i) -> new Draft(rs.getString(1),
            json.readValue(personal.open(rs.getBytes(2), Applications.FORM_DATA),
                new TypeReference<Map<String, String>>() {}),
            rs.getString(3).isEmpty() ? List.of() : Arrays.asList(rs.getString(3).split(",")),
            rs.getTimestamp(4).toInstant()))
        .optional();
  }

  /** The applicant's drafts, latest first, without their values. */
  List<Saved> of(UUID applicantId) {
    return jdbc.sql("select item_code, saved_at from application.draft where applicant_id = ? order by saved_at desc")
        .param(applicantId).query((rs, i) -> new Saved(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
  }

  boolean delete(UUID applicantId, String itemCode) {
    return jdbc.sql("delete from application.draft where applicant_id = ? and item_code = ?")
        .params(applicantId, itemCode).update() > 0;
  }

  record Draft(String itemCode, Map<String, String> formData, List<String> commitments, Instant savedAt) {}

  record Saved(String itemCode, Instant savedAt) {}
}
