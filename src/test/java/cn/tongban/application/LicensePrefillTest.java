package cn.tongban.application;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** A form is filled from the applicant's own valid electronic license, which outranks an earlier application. */
@TongbanTest
class LicensePrefillTest {
  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired PopulationBase population;

  @Test
  void theBusinessLicenseFillsTheFoodLicenseForm() throws Exception {
    SliceApiTest slice = new SliceApiTest();
    slice.mvc = mvc;
    slice.json = json;
    slice.jdbc = jdbc;
    slice.population = population;
    SliceApiTest.Person p = slice.register();
    String id = slice.submit(p, "prefill-" + System.nanoTime()); // 个体工商户设立登记 → 营业执照
    // before the decision there is no license: the earlier application is the source
    mvc.perform(get("/api/v1/applications/prefill").param("itemCode", "330782-SCJG-XK-001").with(p.auth()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.values.businessAddress").value("义乌市稠城街道测试路1号"))
        .andExpect(jsonPath("$.sources.businessAddress").value(Matchers.startsWith("来自您")))
        .andExpect(jsonPath("$.sources.businessAddress").value(Matchers.containsString("的申请")));
    slice.complete(id, "accept", "");
    slice.complete(id, "agree", "");
    slice.complete(id, "approve", "");
    mvc.perform(get("/api/v1/applications/prefill").param("itemCode", "330782-SCJG-XK-001").with(p.auth()))
        .andExpect(jsonPath("$.values.businessAddress").value("义乌市稠城街道测试路1号"))
        .andExpect(jsonPath("$.sources.businessAddress").value("来自您的电子证照《营业执照》"))
        .andExpect(jsonPath("$.sources.applicantCitizenId").value("来自实名认证信息"));
  }
}
