package cn.tongban.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.application.internal.MaterialRecognitionTest;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.MaterialRequirement;
import cn.tongban.identity.PopulationBase;
import cn.tongban.notification.Notifications;
import com.jayway.jsonpath.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Intake over the API: pre-fill with sources, 免提交, one-notice correction, 容缺 and 告知承诺, OCR. */
@TongbanTest
class IntakeApiTest {
  static final String ITEM = SliceApiTest.ITEM; // 个体工商户设立登记: 容缺受理 of 经营场所证明; 身份证 shared
  static final String FOOD = "330782-SCJG-XK-001"; // 食品经营许可: 告知承诺 of 管理制度 and 布局流程

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired Notifications notifications;
  @Autowired PopulationBase population;
  final Helpers slice = new Helpers();

  /** The same steps as {@link SliceApiTest}'s, on this test's beans. */
  class Helpers {
    SliceApiTest.Person register() throws Exception {
      String id = TestIds.person(population, "测试人");
      String mobile = TestIds.mobile();
      mvc.perform(post("/api/v1/accounts/persons").contentType(MediaType.APPLICATION_JSON)
              .content(json.writeValueAsString(Map.of("name", "测试人", "citizenId", id, "mobile", mobile,
                  "password", "Secret123"))))
          .andExpect(status().isCreated());
      return new SliceApiTest.Person(id, mobile,
          SecurityMockMvcRequestPostProcessors.httpBasic(id,
              "Secret123"));
    }

    Map<String, String> form(SliceApiTest.Person p) {
      return Map.of("applicantName", "测试人", "applicantCitizenId", p.citizenId(), "contactPhone", p.mobile(),
          "shopName", "测试小吃店", "businessAddress", "义乌市稠城街道测试路1号", "businessScope", "小吃服务",
          "capital", "5", "employees", "2");
    }

    MockMultipartFile applicationPart(Map<String, ?> body) throws Exception {
      return new MockMultipartFile("application", "", "application/json", json.writeValueAsBytes(body));
    }

    String submit(SliceApiTest.Person p, String key) throws Exception {
      return JsonPath.read(body(mvc.perform(multipart("/api/v1/applications")
              .file(applicationPart(Map.of("itemCode", ITEM, "formData", form(p))))
              .file(new MockMultipartFile("material.premises", "租赁协议.pdf", "application/pdf", SliceApiTest.PDF))
              .header("Idempotency-Key", key).with(p.auth()))
          .andExpect(status().isCreated())), "$.id");
    }

    String taskOf(String applicationId) throws Exception {
      List<String> ids = JsonPath.read(body(mvc.perform(get("/api/v1/tasks").with(SliceApiTest.STAFF))),
          "$[?(@.applicationId == '" + applicationId + "')].taskId");
      assertThat(ids).hasSize(1);
      return ids.get(0);
    }

    void complete(String applicationId, String outcome, String comment) throws Exception {
      mvc.perform(post("/api/v1/tasks/" + taskOf(applicationId) + "/completion").with(SliceApiTest.STAFF)
              .contentType(MediaType.APPLICATION_JSON)
              .content(json.writeValueAsString(Map.of("outcome", outcome, "comment", comment))))
          .andExpect(status().isNoContent());
    }
  }
  @Autowired Catalog catalog;
  @Autowired UserDetailsService users;

  String body(ResultActions r) throws Exception {
    return r.andReturn().getResponse().getContentAsString();
  }

  String accountId(SliceApiTest.Person p) throws Exception {
    return JsonPath.read(body(mvc.perform(get("/api/v1/me").with(p.auth()))), "$.accountId");
  }

  @Test
  void formsArePrefilledFromSharedDataAndEarlierApplicationsWithTheirSources() throws Exception {
    SliceApiTest.Person p = slice.register();
    mvc.perform(get("/api/v1/applications/prefill").param("itemCode", ITEM).with(p.auth()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.values.applicantName").value("测试人"))
        .andExpect(jsonPath("$.values.applicantCitizenId").value(p.citizenId()))
        .andExpect(jsonPath("$.values.contactPhone").value(p.mobile()))
        .andExpect(jsonPath("$.sources.applicantCitizenId").value("来自实名认证信息"))
        .andExpect(jsonPath("$.values.shopName").doesNotExist());
    String id = slice.submit(p, "prefill-" + p.citizenId());
    String number = JsonPath.read(body(mvc.perform(get("/api/v1/applications/" + id).with(p.auth()))), "$.number");
    mvc.perform(get("/api/v1/applications/prefill").param("itemCode", ITEM).with(p.auth()))
        .andExpect(jsonPath("$.values.shopName").value("测试小吃店"))
        .andExpect(jsonPath("$.values.businessAddress").value("义乌市稠城街道测试路1号"))
        .andExpect(jsonPath("$.sources.shopName").value(containsString("办件编号 " + number)))
        .andExpect(jsonPath("$.sources.applicantName").value("来自实名认证信息"));
  }

  @Test
  void noMaterialMarkedFreeOfSubmissionIsEverRequested() throws Exception {
    // in the whole catalog, no 免提交 material is among those an applicant uploads, in any situation
    for (var item : catalog.publishedItems()) {
      List<MaterialRequirement> asked = item.uploadMaterials();
      assertThat(asked).noneMatch(MaterialRequirement::exemptFromSubmission);
    }
    SliceApiTest.Person p = slice.register();
    // the shared 身份证 is refused when sent anyway …
    mvc.perform(multipart("/api/v1/applications")
            .file(slice.applicationPart(Map.of("itemCode", ITEM, "formData", slice.form(p))))
            .file(new MockMultipartFile("material.premises", "租赁协议.pdf", "application/pdf", SliceApiTest.PDF))
            .file(new MockMultipartFile("material.idCard", "身份证.pdf", "application/pdf", SliceApiTest.PDF))
            .with(p.auth()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("materials.idCard"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("无需提交")));
    // … never asked for on the page, and the case shows the source that satisfied it
    String page = body(mvc.perform(get("/my/apply/" + ITEM).with(
        SecurityMockMvcRequestPostProcessors.user(
            users.loadUserByUsername(p.citizenId())))));
    assertThat(page).contains("name=\"material.premises\"").doesNotContain("name=\"material.idCard\"");
    String id = slice.submit(p, "exempt-" + p.citizenId());
    mvc.perform(get("/api/v1/applications/" + id).with(p.auth()))
        .andExpect(jsonPath("$.byReference[0].code").value("idCard"))
        .andExpect(jsonPath("$.byReference[0].source").value(containsString("免提交")))
        .andExpect(jsonPath("$.materials[*].requirementCode").value(not(hasItem("idCard"))));
  }

  @Test
  void everyDeficiencyIsMarkedToldInOneNoticeAndAnsweredByTheResubmission() throws Exception {
    SliceApiTest.Person p = slice.register();
    String id = slice.submit(p, "correct-" + p.citizenId());
    String task = slice.taskOf(id);
    // marks are checked all at once: an unknown target and a missing reason
    mvc.perform(post("/api/v1/tasks/" + task + "/completion").with(SliceApiTest.STAFF)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("outcome", "supplement", "deficiencies", List.of(
                Map.of("target", "materials.nothing", "reason", "x"), Map.of("target", "shopName", "reason", " "))))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors.length()").value(2));
    mvc.perform(post("/api/v1/tasks/" + task + "/completion").with(SliceApiTest.STAFF)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("outcome", "supplement", "deficiencies", List.of(
                Map.of("target", "materials.premises", "reason", "租赁协议缺少出租方签字"),
                Map.of("target", "businessScope", "reason", "请按规范表述目录填写"))))))
        .andExpect(status().isNoContent());
    List<Notifications.Sent> told = notifications.sentTo(accountId(p), 10).stream()
        .filter(n -> n.subject().equals("请补正申请材料")).toList();
    assertThat(told).hasSize(1);
    assertThat(told.get(0).body()).contains("以下2项", "材料“", "租赁协议缺少出租方签字", "字段“经营范围”",
        "请按规范表述目录填写");
    mvc.perform(get("/api/v1/applications/" + id).with(p.auth()))
        .andExpect(jsonPath("$.status").value("SUPPLEMENT_REQUIRED"))
        .andExpect(jsonPath("$.deficiencies.length()").value(2));
    // the marked material must come again
    MockMultipartFile correction = new MockMultipartFile("correction", "", "application/json",
        json.writeValueAsBytes(Map.of("formData", Map.of("businessScope", "小吃服务（不含生食）"))));
    mvc.perform(multipart("/api/v1/applications/" + id + "/supplement").file(correction).with(p.auth()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("materials.premises"));
    mvc.perform(multipart("/api/v1/applications/" + id + "/supplement").file(correction)
            .file(new MockMultipartFile("material.premises", "租赁协议-已签字.pdf", "application/pdf", SliceApiTest.PDF))
            .with(p.auth()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUBMITTED"))
        .andExpect(jsonPath("$.deficiencies.length()").value(0));
  }

  @Test
  void aToleratedMaterialIsAcceptedWithACommitmentAndADueDateThenChecked() throws Exception {
    SliceApiTest.Person p = slice.register();
    // without the commitment the missing material is refused, and the refusal says 容缺 is possible
    mvc.perform(multipart("/api/v1/applications")
            .file(slice.applicationPart(Map.of("itemCode", ITEM, "formData", slice.form(p)))).with(p.auth()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value(containsString("容缺受理")));
    String id = JsonPath.read(body(mvc.perform(multipart("/api/v1/applications")
            .file(slice.applicationPart(Map.of("itemCode", ITEM, "formData", slice.form(p),
                "commitments", List.of("premises")))).with(p.auth()))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.commitments[0].kind").value("TOLERANCE"))
        .andExpect(jsonPath("$.commitments[0].dueOn").isNotEmpty())
        .andExpect(jsonPath("$.commitments[0].status").value("OPEN"))
        .andExpect(jsonPath("$.materials.length()").value(0))), "$.id");
    slice.complete(id, "accept", "容缺受理");
    String commitment = JsonPath.read(body(mvc.perform(get("/api/v1/applications/" + id).with(p.auth()))
        .andExpect(jsonPath("$.status").value("ACCEPTED"))), "$.commitments[0].id");
    mvc.perform(post("/api/v1/tasks/cases/" + id + "/commitments/" + commitment + "/check")
            .with(SliceApiTest.STAFF).contentType(MediaType.APPLICATION_JSON).content("{\"fulfilled\":true}"))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/applications/" + id).with(p.auth()))
        .andExpect(jsonPath("$.commitments[0].status").value("FULFILLED"));
  }

  @Test
  void aSignedPledgeReplacesTheListedMaterialsOnlyThose() throws Exception {
    SliceApiTest.Person p = slice.register();
    Map<String, String> form = new HashMap<>(Map.of("applicantName", "测试人", "applicantCitizenId", p.citizenId(),
        "contactPhone", p.mobile(), "operatorName", "测试人", "businessAddress", "义乌市稠城街道测试路2号",
        "businessFormat", "餐饮服务经营者", "businessScope", "热食类食品制售", "floorArea", "60"));
    // 操作流程 may be pledged, 布局平面图 may not: refused, every problem at once
    mvc.perform(multipart("/api/v1/applications")
            .file(slice.applicationPart(Map.of("itemCode", FOOD, "formData", form,
                "commitments", List.of("kitchenPlan", "layout")))).with(p.auth()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("commitments.layout")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("materials.layout")));
    mvc.perform(multipart("/api/v1/applications")
            .file(slice.applicationPart(Map.of("itemCode", FOOD, "formData", form,
                "commitments", List.of("kitchenPlan"))))
            .file(new MockMultipartFile("material.layout", "布局.pdf", "application/pdf", SliceApiTest.PDF))
            .with(p.auth()))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.commitments.length()").value(1))
        .andExpect(jsonPath("$.commitments[0].kind").value("PLEDGE"))
        .andExpect(jsonPath("$.commitments[0].text").value(containsString("承诺")))
        .andExpect(jsonPath("$.commitments[0].status").value("OPEN"));
  }

  @Test
  void anIdCardPhotoIsReadIntoProposedFieldValues() throws Exception {
    SliceApiTest.Person p = slice.register();
    mvc.perform(multipart("/api/v1/recognitions").param("kind", "ID_CARD").param("itemCode", ITEM)
            .file(new MockMultipartFile("file", "id.png", "image/png",
                MaterialRecognitionTest.idCardImage("王芳", "330782199207200043")))
            .with(p.auth()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.fields.applicantName").value("王芳"))
        .andExpect(jsonPath("$.fields.applicantCitizenId").value("330782199207200043"));
    // a renamed executable is refused by its content
    mvc.perform(multipart("/api/v1/recognitions").param("kind", "ID_CARD")
            .file(new MockMultipartFile("file", "id.png", "image/png", "MZ\u0090\u0000 program".getBytes()))
            .with(p.auth()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value(containsString("改扩展名无效")));
  }
}
