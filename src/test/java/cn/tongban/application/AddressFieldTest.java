package cn.tongban.application;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import com.jayway.jsonpath.JsonPath;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

/** Address fields name a town or street of the national divisions plus a detail line; the case shows the full name. */
@TongbanTest
class AddressFieldTest {
  static final String RESIDENCE = "330782-GA-QR-001"; // 居住证申领: residenceAddress is an ADDRESS field

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired PopulationBase population;
  @Autowired UserDetailsService users;

  Map<String, Object> body(SliceApiTest.Person p, String address) {
    Map<String, String> form = new HashMap<>(Map.of("applicantName", "测试人", "applicantCitizenId", p.citizenId(),
        "contactPhone", p.mobile(), "residentSince", "2025-01-01", "residenceBasis", "合法稳定住所"));
    form.put("residenceAddress", address);
    return Map.of("itemCode", RESIDENCE, "formData", form);
  }

  @Test
  void onlyAnExistingTownWithADetailLineIsAccepted() throws Exception {
    SliceApiTest slice = new SliceApiTest();
    slice.mvc = mvc;
    slice.json = json;
    slice.jdbc = jdbc;
    slice.population = population;
    SliceApiTest.Person p = slice.register();
    for (String bad : new String[] {"义乌市稠城街道1号", "330782|工人北路8号", "330782999|工人北路8号", "330782001|  "}) {
      mvc.perform(post("/api/v1/applications").with(p.auth()).contentType(MediaType.APPLICATION_JSON)
              .content(json.writeValueAsString(body(p, bad))))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[*].field").value(hasItem("residenceAddress")));
    }
    String created = mvc.perform(MockMvcRequestBuilders
            .multipart("/api/v1/applications").file(slice.applicationPart(body(p, "330782001|工人北路8号")))
            .file(new MockMultipartFile("material.residence", "租房合同.pdf",
                "application/pdf", SliceApiTest.PDF))
            .with(p.auth()))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.formData.residenceAddress").value("330782001|工人北路8号"))
        .andReturn().getResponse().getContentAsString();
    String id = JsonPath.read(created, "$.id");
    var user = SecurityMockMvcRequestPostProcessors
        .user(users.loadUserByUsername(p.citizenId()));
    mvc.perform(get("/my/applications/" + id).with(user)).andExpect(status().isOk())
        .andExpect(content().string(containsString("浙江省金华市义乌市稠城街道工人北路8号")));
    // the apply page offers the cascading picker, starting with the provinces
    mvc.perform(get("/my/apply/" + RESIDENCE).with(user)).andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"field.residenceAddress.town\"")))
        .andExpect(content().string(containsString("<option value=\"33\"")))
        .andExpect(content().string(containsString(">浙江省</option>")));
  }
}
