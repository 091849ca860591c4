package cn.tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Versions and publishing, version pinning, situation-driven intake, import errors, bundles and the guide PDF. */
@TongbanTest
class CatalogLifecycleTest {
  static final String ITEM = "330782-SCJG-BG-004"; // 企业变更登记: used by no other test
  static final RequestPostProcessor SCJG = httpBasic("scjg01", "Tongban2026");
  static final RequestPostProcessor WJW = httpBasic("wjw01", "Tongban2026");
  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired PopulationBase population;
  @Autowired JdbcClient jdbc;

  RequestPostProcessor citizen(String[] idOut) throws Exception {
    String id = TestIds.person(population, "测试人");
    String mobile = TestIds.mobile();
    mvc.perform(post("/api/v1/accounts/persons").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("name", "测试人", "citizenId", id, "mobile", mobile,
                "password", "Secret123"))))
        .andExpect(status().isCreated());
    idOut[0] = id;
    idOut[1] = mobile;
    return httpBasic(id, "Secret123");
  }

  ObjectNode published(String code) throws Exception {
    return (ObjectNode) json.readTree(mvc.perform(get("/api/v1/items/" + code)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString());
  }

  @Test
  void aChangeIsANewVersionAndApplicationsKeepTheirVersion() throws Exception {
    String[] who = new String[2];
    RequestPostProcessor person = citizen(who);
    ObjectNode v1 = published(ITEM);
    int before = v1.get("version").asInt();

    // an application under the current version; its situation (变更事项 = 住所) asks for two more materials
    Map<String, String> form = new LinkedHashMap<>(Map.of("applicantName", "测试人", "applicantCitizenId", who[0],
        "contactPhone", who[1], "companyName", "义乌市测试商贸有限公司", "creditCode", "11330782002500001M",
        "changeContent", "住所变更", "changeType", "住所"));
    String refused = mvc.perform(multipart("/api/v1/applications")
            .file(new MockMultipartFile("application", "", "application/json",
                json.writeValueAsBytes(Map.of("itemCode", ITEM, "formData", form))))
            .file(new MockMultipartFile("material.decision", "决议.pdf", "application/pdf", PDF)).with(person))
        .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
    assertThat((List<String>) JsonPath.read(refused, "$.errors[*].field"))
        .containsExactlyInAnyOrder("materials.articlesAmend", "materials.premises");
    form.put("changeType", "名称"); // a change of name needs only the decision
    String created = mvc.perform(multipart("/api/v1/applications")
            .file(new MockMultipartFile("application", "", "application/json",
                json.writeValueAsBytes(Map.of("itemCode", ITEM, "formData", form))))
            .file(new MockMultipartFile("material.decision", "决议.pdf", "application/pdf", PDF)).with(person))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String appId = JsonPath.read(created, "$.id");

    // promised > statutory is refused on save, with a clear message beside the field
    ObjectNode change = v1.deepCopy();
    change.put("promisedDays", 5);
    mvc.perform(put("/api/v1/items/" + ITEM + "/draft").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(change)).with(SCJG))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("promisedDays"))
        .andExpect(jsonPath("$.errors[0].message").value("承诺办结时限（5个工作日）不能超过法定办结时限（3个工作日）"));
    // another department may not change it
    change.put("promisedDays", 0);
    mvc.perform(put("/api/v1/items/" + ITEM + "/draft").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(change)).with(WJW))
        .andExpect(status().isForbidden());
    // draft → review → published
    mvc.perform(put("/api/v1/items/" + ITEM + "/draft").param("note", "压缩承诺时限").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(change)).with(SCJG))
        .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(before + 1));
    assertThat(published(ITEM).get("promisedDays").asInt()).isEqualTo(1); // the draft is not in force yet
    mvc.perform(post("/api/v1/items/" + ITEM + "/draft/publication").with(SCJG)).andExpect(status().isConflict());
    mvc.perform(post("/api/v1/items/" + ITEM + "/draft/submission").with(SCJG)).andExpect(status().isOk());
    mvc.perform(put("/api/v1/items/" + ITEM + "/draft").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(change)).with(SCJG))
        .andExpect(status().isConflict()); // under review: no edits
    mvc.perform(post("/api/v1/items/" + ITEM + "/draft/publication").with(SCJG))
        .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(before + 1));
    assertThat(published(ITEM).get("promisedDays").asInt()).isZero();

    // the application keeps the version it was made under
    mvc.perform(get("/api/v1/applications/" + appId).with(person))
        .andExpect(jsonPath("$.itemVersion").value(before)).andExpect(jsonPath("$.promisedDays").value(1));
    mvc.perform(get("/api/v1/items/" + ITEM + "/versions/" + before))
        .andExpect(jsonPath("$.promisedDays").value(1));
    // the public history shows which department changed what, never a staff member's name or account id
    String history = mvc.perform(get("/api/v1/items/" + ITEM + "/history")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat((List<String>) JsonPath.read(history, "$.changes[*].action"))
        .containsSubsequence("PUBLISHED", "SUBMITTED", "DRAFTED");
    assertThat((List<String>) JsonPath.read(history, "$.changes[?(@.action == 'DRAFTED')].fields[*]"))
        .containsExactly("promisedDays");
    assertThat((List<String>) JsonPath.read(history, "$.changes[?(@.action == 'DRAFTED')].actorName"))
        .singleElement().asString().isEqualTo("义乌市市场监督管理局");
    assertThat(history).doesNotContain("actorId").doesNotContain("（义乌市市场监督管理局）");
    assertThat((List<String>) JsonPath.read(history, "$.versions[*].status")).containsSubsequence("PUBLISHED", "SUPERSEDED");
  }

  @Test
  void aBadImportFileIsRefusedWholeNamingItemAndField() throws Exception {
    ArrayNode file = json.createArrayNode();
    ObjectNode good = published("330782-SCJG-DJ-003").deepCopy();
    good.put("code", "330782-TEST-IMP-001");
    good.put("name", "导入测试事项");
    ObjectNode tooLong = good.deepCopy();
    tooLong.put("code", "330782-TEST-IMP-002");
    tooLong.put("promisedDays", 9);
    ObjectNode badSource = good.deepCopy();
    badSource.put("code", "330782-TEST-IMP-003");
    ((ObjectNode) badSource.get("guide").get("materials").get(1)).put("source", "POST");
    ObjectNode badType = good.deepCopy();
    badType.put("code", "330782-TEST-IMP-004");
    badType.put("type", "行政许可");
    file.add(good).add(tooLong).add(badSource).add(badType);

    String refused = mvc.perform(post("/api/v1/catalog/import").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsBytes(file)).with(SCJG))
        .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
    // unreadable values are reported first (the file is not even checked further)
    assertThat((List<String>) JsonPath.read(refused, "$.errors[*].field")).containsExactly("items[3].type");
    assertThat((String) JsonPath.read(refused, "$.errors[0].message")).contains("（330782-TEST-IMP-004）");
    file.remove(3);
    refused = mvc.perform(post("/api/v1/catalog/import").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsBytes(file)).with(SCJG))
        .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
    assertThat((List<String>) JsonPath.read(refused, "$.errors[*].field"))
        .containsExactlyInAnyOrder("items[1].promisedDays", "items[2].guide.materials[articles].source");
    assertThat((List<String>) JsonPath.read(refused, "$.errors[*].message"))
        .anySatisfy(m -> assertThat(m).startsWith("导入测试事项（330782-TEST-IMP-002）：承诺办结时限（9个工作日）"));
    assertThat(jdbc.sql("select count(*) from catalog.service_item where code like '330782-TEST-IMP-%'")
        .query(Integer.class).single()).isZero(); // nothing written

    // a good file imports as a draft, published through review; the same file again changes nothing; the export
    // holds it; applicants may not import
    ArrayNode ok = json.createArrayNode().add(good);
    mvc.perform(post("/api/v1/catalog/import").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsBytes(ok)).with(SCJG))
        .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(1));
    mvc.perform(post("/api/v1/items/330782-TEST-IMP-001/draft/submission").with(SCJG)).andExpect(status().isOk());
    mvc.perform(post("/api/v1/items/330782-TEST-IMP-001/draft/publication").with(SCJG)).andExpect(status().isOk());
    mvc.perform(post("/api/v1/catalog/import").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsBytes(ok)).with(SCJG))
        .andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(1));
    String export = mvc.perform(get("/api/v1/catalog/export").with(SCJG)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat((List<String>) JsonPath.read(export, "$[*].code")).contains("330782-TEST-IMP-001", ITEM);
    String[] who = new String[2];
    mvc.perform(post("/api/v1/catalog/import").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsBytes(ok)).with(citizen(who)))
        .andExpect(status().isForbidden());
    // and search finds it at once
    mvc.perform(get("/api/v1/items").param("q", "导入测试事项"))
        .andExpect(jsonPath("$[0].code").value("330782-TEST-IMP-001"));
  }

  @Test
  void aBundleIsOneFormOneSetOfMaterialsAndOneSubmission() throws Exception {
    String service = mvc.perform(get("/api/v1/bundles/330782-YJS-002")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    List<String> fields = JsonPath.read(service, "$.form.fields[*].name");
    assertThat(fields).doesNotHaveDuplicates().contains("applicantName", "shopName", "operatorName", "businessFormat");
    assertThat((Integer) JsonPath.read(service, "$.sharedFieldCount")).isGreaterThanOrEqualTo(4);

    String[] who = new String[2];
    RequestPostProcessor person = citizen(who);
    Map<String, String> form = new LinkedHashMap<>(Map.of("applicantName", "测试人", "applicantCitizenId", who[0],
        "contactPhone", who[1], "shopName", "测试小吃店", "businessAddress", "义乌市稠城街道测试路1号",
        "businessScope", "小吃服务", "capital", "3", "employees", "2", "operatorName", "测试小吃店",
        "businessFormat", "餐饮服务经营者"));
    form.put("floorArea", "40");
    MockMultipartFile app = new MockMultipartFile("application", "", "application/json",
        json.writeValueAsBytes(Map.of("bundleCode", "330782-YJS-002", "formData", form)));
    long before = jdbc.sql("select count(*) from application.application").query(Long.class).single();
    String refused = mvc.perform(multipart("/api/v1/applications/bundles").file(app)
            .file(new MockMultipartFile("material.premises", "租赁.pdf", "application/pdf", PDF)).with(person))
        .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
    assertThat((List<String>) JsonPath.read(refused, "$.errors[*].field"))
        .containsExactlyInAnyOrder("materials.layout", "materials.kitchenPlan");
    assertThat(jdbc.sql("select count(*) from application.application").query(Long.class).single()).isEqualTo(before);

    String done = mvc.perform(multipart("/api/v1/applications/bundles").file(app)
            .file(new MockMultipartFile("material.premises", "租赁.pdf", "application/pdf", PDF))
            .file(new MockMultipartFile("material.layout", "布局.pdf", "application/pdf", PDF))
            .file(new MockMultipartFile("material.kitchenPlan", "专间.pdf", "application/pdf", PDF))
            .header("Idempotency-Key", "bundle-" + who[0]).with(person))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    assertThat((List<String>) JsonPath.read(done, "$.applications[*].itemCode"))
        .containsExactly("330782-SCJG-DJ-002", "330782-SCJG-XK-001");
    // a retry with the same key creates nothing more
    mvc.perform(multipart("/api/v1/applications/bundles").file(app)
            .file(new MockMultipartFile("material.premises", "租赁.pdf", "application/pdf", PDF))
            .file(new MockMultipartFile("material.layout", "布局.pdf", "application/pdf", PDF))
            .file(new MockMultipartFile("material.kitchenPlan", "专间.pdf", "application/pdf", PDF))
            .header("Idempotency-Key", "bundle-" + who[0]).with(person))
        .andExpect(status().isCreated());
    assertThat(jdbc.sql("select count(*) from application.application").query(Long.class).single())
        .isEqualTo(before + 2);
  }

  @Test
  void theGuideIsAPdfWithEveryElement() throws Exception {
    byte[] pdf = mvc.perform(get("/items/330782-SCJG-XK-001/guide.pdf")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
    String text;
    try (var doc = Loader.loadPDF(pdf)) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
    }
    assertThat(text).contains("食品经营许可（新办）办事指南", "基本信息", "部门信息", "办理窗口", "受理标准", "办理材料",
        "办理流程", "办理时限", "收费情况", "审批结果", "法律依据", "常见问题", "咨询投诉", "权利义务", "法律救济",
        "承诺办结时限5个工作日", "餐饮服务场所专间");
    byte[] sample = mvc.perform(get("/items/330782-SCJG-XK-001/sample-form.pdf")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
    try (var doc = Loader.loadPDF(sample)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("示范文本", "热食类食品制售");
    }
  }
}
