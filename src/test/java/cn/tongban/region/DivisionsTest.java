package cn.tongban.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TongbanTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@TongbanTest
class DivisionsTest {
  @Autowired Divisions divisions;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @Test
  void everyLevelDownToTownsIsLoadedOnce() {
    assertThat(jdbc.sql("select count(*) from region.division").query(Integer.class).single()).isEqualTo(44703);
    assertThat(divisions.children(null)).hasSize(31).extracting(Division::name).contains("北京市", "浙江省", "新疆维吾尔自治区");
    assertThat(divisions.children("330782")).extracting(Division::name).contains("稠城街道", "佛堂镇");
    assertThat(divisions.children("330782")).allSatisfy(d -> assertThat(d.level()).isEqualTo(4));
  }

  @Test
  void aTownKnowsItsWholePath() {
    assertThat(divisions.path("330782001")).extracting(Division::name).containsExactly("浙江省", "金华市", "义乌市", "稠城街道");
    assertThat(divisions.fullName("330782001")).isEqualTo("浙江省金华市义乌市稠城街道");
    assertThat(divisions.fullName("110101001")).isEqualTo("北京市东城区东华门街道");
    assertThat(divisions.path("999999")).isEmpty();
    assertThat(divisions.find("33078'; drop table x;--")).isEmpty();
  }

  @Test
  void pickersGetChildrenAsJsonOrOptions() throws Exception {
    mvc.perform(get("/api/v1/divisions").param("parent", "3307")).andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.code == '330782')].name").value(Matchers.hasItem("义乌市")));
    mvc.perform(get("/divisions/options").param("parent", "330782")).andExpect(status().isOk())
        .andExpect(content().string(containsString("<option value=\"330782001\">稠城街道</option>")));
  }
}
