package cn.tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.tongban.TongbanTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A catalog import follows the draft path's rules: only the staff member's own department's items, no move to
 * another department, and nothing published without review and publication.
 */
@TongbanTest
class CatalogImportScopeTest {
  static final String ITEM = "330782-SCJG-ZX-005"; // a 市场监管 item no other test uses
  static final RequestPostProcessor SCJG = httpBasic("scjg01", "Tongban2026");
  static final RequestPostProcessor WJW = httpBasic("wjw01", "Tongban2026");

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;

  ObjectNode published(String code) throws Exception {
    return (ObjectNode) json.readTree(mvc.perform(get("/api/v1/items/" + code)).andReturn().getResponse()
        .getContentAsString());
  }

  int importing(RequestPostProcessor who, ObjectNode item) throws Exception {
    return mvc.perform(post("/api/v1/catalog/import").contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsBytes(json.createArrayNode().add(item))).with(who)).andReturn().getResponse()
        .getStatus();
  }

  @Test
  void staffOfAnotherDepartmentCannotImportAChangeToAnItem() throws Exception {
    ObjectNode item = published(ITEM);
    String name = item.get("name").asText();
    int version = item.get("version").asInt();
    item.put("name", name + "（被他人修改）");
    assertThat(importing(WJW, item)).isEqualTo(422);
    ObjectNode now = published(ITEM);
    assertThat(now.get("name").asText()).isEqualTo(name);
    assertThat(now.get("version").asInt()).isEqualTo(version);
  }

  @Test
  void anImportCannotMoveAnItemToAnotherDepartment() throws Exception {
    ObjectNode item = published(ITEM);
    String department = item.get("departmentCode").asText();
    ObjectNode other = published("330782-WJW-XK-001");
    item.put("departmentCode", other.get("departmentCode").asText());
    item.put("departmentName", other.get("departmentName").asText());
    if (item.has("departmentCreditCode") && other.has("departmentCreditCode")) {
      item.put("departmentCreditCode", other.get("departmentCreditCode").asText());
    }
    assertThat(importing(SCJG, item)).isEqualTo(422);
    assertThat(importing(WJW, item)).isEqualTo(422);
    assertThat(published(ITEM).get("departmentCode").asText()).isEqualTo(department);
  }

  @Test
  void anImportedChangeIsADraftUntilReviewedAndPublished() throws Exception {
    ObjectNode item = published(ITEM);
    String name = item.get("name").asText();
    item.put("name", name + "（导入修订）");
    assertThat(importing(SCJG, item)).isEqualTo(200);
    assertThat(published(ITEM).get("name").asText()).isEqualTo(name); // not in force yet
    mvc.perform(post("/api/v1/items/" + ITEM + "/draft/submission").with(SCJG));
    String body = mvc.perform(post("/api/v1/items/" + ITEM + "/draft/publication").with(SCJG)).andReturn()
        .getResponse().getContentAsString();
    assertThat(JsonPath.<String>read(body, "$.name")).isEqualTo(name + "（导入修订）");
    assertThat(published(ITEM).get("name").asText()).isEqualTo(name + "（导入修订）");
  }
}
