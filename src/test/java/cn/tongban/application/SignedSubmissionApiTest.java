package cn.tongban.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import cn.tongban.license.SignatureService;
import cn.tongban.platform.crypto.PersonalData;
import cn.tongban.platform.crypto.Sm3;
import com.jayway.jsonpath.JsonPath;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * The applicant signs the submission (form data and material SM3s), staff sign their decisions, and the applicant
 * chooses how to receive the result; an altered signed record no longer verifies.
 */
@TongbanTest
class SignedSubmissionApiTest {
  @Autowired SignatureService signatures;
  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired PopulationBase population;
  @Autowired PersonalData personal;

  /** The helpers of the slice test, on this test's MockMvc (not a subclass: its tests would run twice). */
  SliceApiTest slice() {
    SliceApiTest t = new SliceApiTest();
    t.mvc = mvc;
    t.json = json;
    t.jdbc = jdbc;
    t.population = population;
    return t;
  }

  @Test
  void submissionsAndDecisionsAreSignedAndTheDeliveryChoiceIsKept() throws Exception {
    SliceApiTest slice = slice();
    SliceApiTest.Person p = slice.register();
    Map<String, Object> body = new HashMap<>(Map.of("itemCode", SliceApiTest.ITEM, "formData", slice.form(p), "deliveryMethod", "MAIL"));
    mvc.perform(multipart("/api/v1/applications").file(slice.applicationPart(body))
            .file(new MockMultipartFile("material.premises", "租赁协议.pdf", "application/pdf", SliceApiTest.PDF)).with(p.auth()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[?(@.field == 'deliveryAddress')]").exists());

    body.put("deliveryAddress", "义乌市稠城街道工人北路8号 陈晓 13800000001");
    String created = mvc.perform(multipart("/api/v1/applications").file(slice.applicationPart(body))
            .file(new MockMultipartFile("material.premises", "租赁协议.pdf", "application/pdf", SliceApiTest.PDF)).with(p.auth()))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.delivery.method").value("MAIL"))
        .andExpect(jsonPath("$.delivery.label").value("邮寄送达"))
        .andReturn().getResponse().getContentAsString();
    String id = JsonPath.read(created, "$.id");
    String number = JsonPath.read(created, "$.number");

    assertThat(signatures.about(number)).singleElement().satisfies(s -> {
      assertThat(s.signerKind()).isEqualTo("PERSON");
      assertThat(s.signerId()).matches("[0-9a-f]{64}").doesNotContain(p.citizenId()); // recorded by blind index
      assertThat(s.purpose()).isEqualTo("application.submission");
      assertThat(s.valid()).isTrue();
    });
    String content = personal.open(jdbc.sql("select content_sealed from license.signature where subject = ?")
        .param(number).query(byte[].class).single(), "signed-content"); // sealed at rest, like everything personal
    assertThat(content).contains("form.shopName=测试小吃店", Sm3.hex(SliceApiTest.PDF), "delivery=MAIL");

    slice.complete(id, "accept", "材料齐全");
    assertThat(signatures.about(number)).hasSize(2).last().satisfies(s -> {
      assertThat(s.signerKind()).isEqualTo("STAFF");
      assertThat(s.purpose()).isEqualTo("application.decision");
      assertThat(s.valid()).isTrue();
    });

    mvc.perform(post("/api/v1/tasks/cases/" + id + "/mailing").with(SliceApiTest.STAFF).contentType(MediaType.APPLICATION_JSON)
            .content("{\"trackingNumber\":\"SF1234567890\"}"))
        .andExpect(status().isNoContent());
    mvc.perform(MockMvcRequestBuilders.get("/api/v1/applications/" + id)
            .with(p.auth()))
        .andExpect(jsonPath("$.delivery.trackingNumber").value("SF1234567890"));

    // an altered signed statement is found out, even re-sealed with the right key and a matching SM3
    String altered = content.replace("测试小吃店", "测试大酒店");
    jdbc.sql("update license.signature set content_sealed = ?, content_sm3 = ? "
        + "where subject = ? and purpose = 'application.submission'")
        .params(personal.seal(altered, "signed-content"), Sm3.hex(altered), number).update();
    assertThat(signatures.about(number).getFirst().valid()).isFalse();
  }
}
