package cn.tongban.license;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TongbanTest;
import cn.tongban.application.SliceApiTest;
import cn.tongban.identity.CreditCode;
import cn.tongban.identity.EnterpriseBase;
import cn.tongban.identity.PopulationBase;
import cn.tongban.license.internal.IssueLicense;
import cn.tongban.license.internal.LicenseIssuer;
import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** A license linked to an enterprise's credit code is in its legal representative's wallet, and nobody else's. */
@TongbanTest
class EnterpriseWalletTest {
  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired PopulationBase population;
  @Autowired EnterpriseBase enterpriseBase;
  @Autowired LicenseIssuer issuer;

  @Test
  void theLegalRepresentativeSeesAndDownloadsTheEnterprisesLicenses() throws Exception {
    SliceApiTest slice = new SliceApiTest();
    slice.mvc = mvc;
    slice.json = json;
    slice.jdbc = jdbc;
    slice.population = population;
    SliceApiTest.Person rep = slice.register();
    SliceApiTest.Person stranger = slice.register();
    String body = "91330782MA" + String.format("%07d", Math.abs(rep.citizenId().hashCode()) % 10_000_000);
    String code = body + CreditCode.checkCharacter(body);
    enterpriseBase.addEnterprise(code, "义乌市钱氏文具有限公司", "测试人", rep.citizenId());
    mvc.perform(post("/api/v1/enterprises").with(rep.auth()).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("creditCode", code)))).andExpect(status().is2xxSuccessful());
    String license = issuer.issue(new IssueLicense("11330782002500001M002", "营业执照", "义乌市钱氏文具有限公司", code,
        "11330782002500001M", "义乌市市场监督管理局", null, Map.of("shopName", "钱氏文具", "businessScope", "文具批发"),
        "33078220261127000099")).identifier();

    mvc.perform(get("/api/v1/licenses/enterprises").with(rep.auth())).andExpect(status().isOk())
        .andExpect(jsonPath("$[0].creditCode").value(code))
        .andExpect(jsonPath("$[0].licenses[*].identifier").value(hasItem(license)));
    mvc.perform(get("/api/v1/licenses/" + license + "/document").with(rep.auth())).andExpect(status().isOk());
    mvc.perform(get("/api/v1/licenses/enterprises").with(stranger.auth())).andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
    mvc.perform(get("/api/v1/licenses/" + license + "/document").with(stranger.auth())).andExpect(status().isNotFound());

    // acting for the enterprise, its forms are filled from the enterprise base data
    String enterpriseId = JsonPath.read(mvc.perform(get("/api/v1/enterprises").with(rep.auth()))
        .andReturn().getResponse().getContentAsString(), "$[0].id");
    mvc.perform(get("/api/v1/applications/prefill").param("itemCode", "330782-SCJG-BG-004")
            .param("enterpriseId", enterpriseId).with(rep.auth()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.values.creditCode").value(code))
        .andExpect(jsonPath("$.values.companyName").value("义乌市钱氏文具有限公司"))
        .andExpect(jsonPath("$.sources.creditCode").value("来自法人基础信息（统一社会信用代码 " + code + "）"));
    mvc.perform(get("/api/v1/applications/prefill").param("itemCode", "330782-SCJG-BG-004")
        .param("enterpriseId", enterpriseId).with(stranger.auth())).andExpect(status().isNotFound());
  }
}
