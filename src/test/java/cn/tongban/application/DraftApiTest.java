package cn.tongban.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Drafts over the API: one per applicant and item, resumable, private to the applicant, stored only sealed. */
@TongbanTest
class DraftApiTest {
  static final String ITEM = SliceApiTest.ITEM;
  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired PopulationBase population;

  SliceApiTest.Person register() throws Exception {
    SliceApiTest slice = new SliceApiTest();
    slice.mvc = mvc;
    slice.json = json;
    slice.jdbc = jdbc;
    slice.population = population;
    return slice.register();
  }


  @Test
  void aDraftIsSavedOncePerItemResumedListedAndDeletedByItsApplicantOnly() throws Exception {
    SliceApiTest.Person p = register();
    mvc.perform(put("/api/v1/drafts/" + ITEM).with(p.auth()).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("formData", Map.of("applicantCitizenId", p.citizenId(),
                "shopName", "半成品小店"), "commitments", List.of("premises")))))
        .andExpect(status().isOk()).andExpect(jsonPath("$.itemName").value("个体工商户设立登记"));
    // saved again: the same draft, overwritten (one per applicant and item)
    mvc.perform(put("/api/v1/drafts/" + ITEM).with(p.auth()).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("formData", Map.of("applicantCitizenId", p.citizenId(),
                "contactPhone", p.mobile(), "shopName", "成品小店")))))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/drafts").with(p.auth()))
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].itemCode").value(ITEM))
        .andExpect(jsonPath("$[0].formData").doesNotExist());
    mvc.perform(get("/api/v1/drafts/" + ITEM).with(p.auth()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.formData.shopName").value("成品小店"))
        .andExpect(jsonPath("$.formData.contactPhone").value(p.mobile()))
        .andExpect(jsonPath("$.commitments.length()").value(0));

    // stored only sealed: neither number is in the row
    String accountId = JsonPath.read(mvc.perform(get("/api/v1/me").with(p.auth()))
        .andReturn().getResponse().getContentAsString(), "$.accountId");
    byte[] sealed = jdbc.sql("select form_data_sealed from application.draft where applicant_id = ? and item_code = ?")
        .params(UUID.fromString(accountId), ITEM).query(byte[].class).single();
    String raw = new String(sealed, StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain(p.citizenId()).doesNotContain(p.mobile());

    // someone else neither sees nor deletes it
    SliceApiTest.Person other = register();
    mvc.perform(get("/api/v1/drafts/" + ITEM).with(other.auth())).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/drafts").with(other.auth())).andExpect(jsonPath("$.length()").value(0));
    mvc.perform(delete("/api/v1/drafts/" + ITEM).with(other.auth())).andExpect(status().isNotFound());

    mvc.perform(delete("/api/v1/drafts/" + ITEM).with(p.auth())).andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/drafts/" + ITEM).with(p.auth())).andExpect(status().isNotFound());
  }

  @Test
  void aDraftNamesOnlyTheItemsFieldsAndMaterialsAndEveryProblemAtOnce() throws Exception {
    SliceApiTest.Person p = register();
    mvc.perform(put("/api/v1/drafts/" + ITEM).with(p.auth()).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("formData", Map.of("noSuchField", "x", "shopName", "店".repeat(2001)),
                "commitments", List.of("noSuchMaterial")))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors.length()").value(3));
    mvc.perform(put("/api/v1/drafts/NO-SUCH-ITEM").with(p.auth()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"formData\":{}}"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/drafts/" + ITEM).with(p.auth())).andExpect(status().isNotFound());
  }
}
