package cn.tongban.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.tongban.TongbanTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Window assistance reaches only the clerk's department's items, shows a person's data only after the person is
 * verified at the window, and every opening is recorded where the person sees it.
 */
@TongbanTest
class WindowAssistanceScopeTest {
  @Autowired MockMvc mvc;
  @Autowired tools.jackson.databind.json.JsonMapper json;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired cn.tongban.identity.PopulationBase population;
  @Autowired UserDetailsService users;
  SliceApiTest slice = new SliceApiTest();

  @BeforeEach
  void wire() {
    slice.mvc = mvc;
    slice.json = json;
    slice.jdbc = jdbc;
    slice.population = population;
  }

  MockHttpServletResponse open(String clerk, String citizenId, String item, String last4) throws Exception {
    var req = get("/staff/assist/form").param("citizenId", citizenId).param("itemCode", item)
        .with(user(users.loadUserByUsername(clerk)));
    if (last4 != null) {
      req = req.param("cardChecked", "true").param("cardLast4", last4);
    }
    return mvc.perform(req).andReturn().getResponse();
  }

  @Test
  void aClerkOfAnotherDepartmentGetsNeitherTheFormNorThePersonsData() throws Exception {
    SliceApiTest.Person p = slice.register();
    slice.submit(p, "assist-scope-" + System.nanoTime()); // an earlier application whose values would pre-fill
    MockHttpServletResponse r = open("wjw01", p.citizenId(), SliceApiTest.ITEM, p.citizenId().substring(14));
    assertThat(r.getStatus()).isEqualTo(422);
    String body = r.getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).doesNotContain(p.mobile()).doesNotContain("测试小吃店");
    assertThat(mvc.perform(get("/staff/assist").with(user(users.loadUserByUsername("wjw01")))).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8)).doesNotContain(SliceApiTest.ITEM);
    // nor submit through the API
    Map<String, Object> app = Map.of("citizenId", p.citizenId(), "itemCode", SliceApiTest.ITEM,
        "formData", Map.of("applicantName", "测试人"));
    assertThat(mvc.perform(multipart("/api/v1/assisted-applications")
            .file(new MockMultipartFile("application", "", "application/json", json.writeValueAsBytes(app)))
            .with(httpBasic("wjw01", "Tongban2026"))).andReturn().getResponse().getStatus()).isEqualTo(422);
  }

  @Test
  void thePersonsDataAppearsOnlyAfterVerificationAndEveryReadIsShownToThePerson() throws Exception {
    SliceApiTest.Person p = slice.register();
    slice.submit(p, "assist-verify-" + System.nanoTime());
    String unverified = open("scjg01", p.citizenId(), SliceApiTest.ITEM, null).getContentAsString(StandardCharsets.UTF_8);
    assertThat(unverified).contains("assist-unverified").doesNotContain(p.mobile()).doesNotContain("测试小吃店");
    String wrongCard = open("scjg01", p.citizenId(), SliceApiTest.ITEM, "0000").getContentAsString(StandardCharsets.UTF_8);
    assertThat(wrongCard).contains("assist-unverified").doesNotContain(p.mobile());
    String verified = open("scjg01", p.citizenId(), SliceApiTest.ITEM, p.citizenId().substring(14))
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(verified).doesNotContain("assist-unverified").contains(p.mobile());

    String account = mvc.perform(get("/account").with(user(users.loadUserByUsername(p.citizenId())))).andReturn()
        .getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(account).contains("窗口帮办").contains("已核验身份证原件").contains("未核验，个人信息已遮蔽");
  }
}
