package cn.tongban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The public pages, the guide's elements, the OpenAPI document, and who may open what. */
@TongbanTest
class PortalPagesTest {
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void anonymousVisitorsCreateNoSessions() throws Exception {
    int before = jdbc.sql("select count(*) from identity.spring_session").query(Integer.class).single();
    for (String page : new String[] {"/", "/items/330782-SCJG-XK-001", "/login", "/register", "/progress", "/verify"}) {
      mvc.perform(get(page)).andExpect(status().isOk());
    }
    assertThat(jdbc.sql("select count(*) from identity.spring_session").query(Integer.class).single()).isEqualTo(before);
  }

  @Test
  void theCatalogListsTheDemoItemsByDepartment() throws Exception {
    mvc.perform(get("/")).andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("食品经营许可（新办）"), containsString("个体工商户设立登记"),
            containsString("公共场所卫生许可（新办）"), containsString("义乌市市场监督管理局"), containsString("义乌市卫生健康局"))));
  }

  @Test
  void theGuideShowsEveryElementAndAnOnlineEntry() throws Exception {
    mvc.perform(get("/items/330782-SCJG-XK-001")).andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("受理条件"), containsString("申请材料"), containsString("办理流程"),
            containsString("法定办结时限"), containsString("10 个工作日"), containsString("承诺办结时限"),
            containsString("5 个工作日"), containsString("收费标准"), containsString("设定依据"),
            containsString("《中华人民共和国食品安全法》"), containsString("在线办理"), containsString("免提交"))));
  }

  @Test
  void anUnknownItemIsAClear404() throws Exception {
    mvc.perform(get("/items/NO-SUCH-ITEM")).andExpect(status().isNotFound())
        .andExpect(content().string(containsString("不存在")));
    mvc.perform(get("/api/v1/items/NO-SUCH-ITEM")).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("NOT_FOUND"));
  }

  @Test
  void theIdNumberIsCheckedWhileTyping() throws Exception {
    mvc.perform(get("/register/check-id").param("citizenId", "330782199001011238"))
        .andExpect(status().isOk()).andExpect(content().string(containsString("校验位不正确")));
    mvc.perform(get("/register/check-id").param("citizenId", "330782199001011239"))
        .andExpect(status().isOk()).andExpect(content().string(containsString("号码校验通过")));
  }

  @Test
  void theApiIsDocumented() throws Exception {
    mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/applications']").exists())
        .andExpect(jsonPath("$.paths['/api/v1/tasks/{taskId}/completion']").exists())
        .andExpect(jsonPath("$.paths['/api/v1/licenses/verification/{identifier}']").exists());
    mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
  }

  @Test
  void pagesAreOnlyForThoseWhoMayOpenThem() throws Exception {
    mvc.perform(get("/my/applications")).andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
    mvc.perform(get("/staff/tasks").with(user("someone").roles("APPLICANT"))).andExpect(status().isForbidden());
    mvc.perform(get("/my/applications").with(user("clerk").roles("STAFF"))).andExpect(status().isForbidden())
        .andExpect(content().string(not(containsString("Exception"))));
  }
}
