package cn.tongban.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.Conclusions;
import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import cn.tongban.notification.Notifications;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/** Processes, posts and clocks over the API: joint review, A/B routing, conflicts, pauses, notices, supervision. */
@TongbanTest
class WorkflowApiTest {
  static final String ITEM = SliceApiTest.ITEM; // 个体工商户设立登记, 市场监管 (SCJG)
  static final RequestPostProcessor SCJG_A = httpBasic("scjg01", "Tongban2026"); // 窗口受理岗 A岗
  static final RequestPostProcessor SCJG_B = httpBasic("scjg02", "Tongban2026"); // 窗口受理岗 B岗
  static final RequestPostProcessor WJW = httpBasic("wjw01", "Tongban2026");
  static final RequestPostProcessor GA = httpBasic("ga01", "Tongban2026");
  static final RequestPostProcessor ADMIN = httpBasic("gly01", "Tongban2026");
  static final RequestPostProcessor SUPERVISOR = httpBasic("jdy01", "Tongban2026");

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired Notifications notifications;
  @Autowired PopulationBase population;
  @Autowired UserDetailsService users;

  record Person(String citizenId, String mobile, RequestPostProcessor auth) {}

  Person register() throws Exception {
    String id = TestIds.person(population, "测试人");
    String mobile = TestIds.mobile();
    mvc.perform(post("/api/v1/accounts/persons").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("name", "测试人", "citizenId", id, "mobile", mobile,
                "password", "Secret123"))))
        .andExpect(status().isCreated());
    return new Person(id, mobile, httpBasic(id, "Secret123"));
  }

  String submit(Person p) throws Exception {
    Map<String, String> form = Map.of("applicantName", "测试人", "applicantCitizenId", p.citizenId(),
        "contactPhone", p.mobile(), "shopName", "测试小吃店", "businessAddress", "义乌市稠城街道测试路1号",
        "businessScope", "小吃服务", "capital", "5", "employees", "2");
    String body = mvc.perform(multipart("/api/v1/applications")
            .file(new MockMultipartFile("application", "", "application/json",
                json.writeValueAsBytes(Map.of("itemCode", ITEM, "formData", form))))
            .file(new MockMultipartFile("material.premises", "租赁协议.pdf", "application/pdf", SliceApiTest.PDF))
            .with(p.auth()))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  List<Map<String, Object>> tasksOf(RequestPostProcessor staff, String applicationId) throws Exception {
    String inbox = mvc.perform(get("/api/v1/tasks").with(staff)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    return JsonPath.read(inbox, "$[?(@.applicationId == '" + applicationId + "')]");
  }

  String taskOf(RequestPostProcessor staff, String applicationId) throws Exception {
    List<Map<String, Object>> t = tasksOf(staff, applicationId);
    assertThat(t).hasSize(1);
    return (String) t.get(0).get("taskId");
  }

  int complete(RequestPostProcessor staff, String taskId, String outcome, String comment) throws Exception {
    return mvc.perform(post("/api/v1/tasks/" + taskId + "/completion").with(staff)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("outcome", outcome, "comment", comment))))
        .andReturn().getResponse().getStatus();
  }

  String detail(Person p, String id) throws Exception {
    return mvc.perform(get("/api/v1/applications/" + id).with(p.auth())).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }

  void bind(String processKey, List<String> joint) throws Exception {
    mvc.perform(put("/api/v1/admin/process-bindings/" + ITEM).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("processKey", processKey, "jointDepartments", joint))))
        .andExpect(status().isNoContent());
  }

  void unbind() throws Exception {
    mvc.perform(delete("/api/v1/admin/process-bindings/" + ITEM).with(ADMIN)).andExpect(status().isNoContent());
  }

  void absent(String post, boolean absent) throws Exception {
    mvc.perform(put("/api/v1/admin/posts/" + post + "/absence").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("absent", absent, "reason", absent ? "年休假" : ""))))
        .andExpect(status().isOk()).andExpect(jsonPath("$.primaryAbsent").value(absent));
  }

  @Test
  void aJointReviewByThreeDepartmentsWaitsForAllThenTheLeadDecides() throws Exception {
    bind("joint-review", List.of("SCJG", "WJW", "GA"));
    try {
      Person p = register();
      String id = submit(p);
      assertThat(complete(SCJG_A, taskOf(SCJG_A, id), "accept", "材料齐全")).isEqualTo(204);

      // one parallel task per department, each in its own department's inbox only
      String scjg = taskOf(SCJG_A, id);
      String wjw = taskOf(WJW, id);
      String ga = taskOf(GA, id);
      assertThat(List.of(scjg, wjw, ga)).doesNotHaveDuplicates();
      assertThat(tasksOf(WJW, id)).singleElement().satisfies(t -> assertThat(t.get("step")).isEqualTo("JOINT_REVIEW"));
      assertThat(JsonPath.<String>read(detail(p, id), "$.currentStep")).isEqualTo("联审（3个部门并行审查中）");

      assertThat(complete(WJW, wjw, "agree", "符合卫生要求")).isEqualTo(204);
      assertThat(complete(GA, ga, "disagree", "")).isEqualTo(422); // a disagreement needs its reason
      assertThat(complete(GA, ga, "agree", "无治安问题")).isEqualTo(204);
      String midway = detail(p, id);
      assertThat(JsonPath.<String>read(midway, "$.status")).isEqualTo("ACCEPTED"); // still waiting on SCJG
      assertThat(JsonPath.<String>read(midway, "$.currentStep")).isEqualTo("联审（1个部门并行审查中）");

      assertThat(complete(SCJG_A, scjg, "agree", "同意")).isEqualTo(204);
      assertThat(JsonPath.<String>read(detail(p, id), "$.status")).isEqualTo("REVIEWED");
      assertThat(tasksOf(WJW, id)).isEmpty();
      assertThat(complete(SCJG_A, taskOf(SCJG_A, id), "approve", "准予")).isEqualTo(204);
      Conclusions.await(jdbc, id);

      String done = detail(p, id);
      assertThat(JsonPath.<String>read(done, "$.status")).isEqualTo("CONCLUDED");
      List<String> by = JsonPath.read(done, "$.timeline[*].by");
      assertThat(by).anyMatch(b -> b.startsWith("义乌市卫生健康局"))
          .anyMatch(b -> b.startsWith("义乌市公安局")).anyMatch(b -> b.contains("联审（3个部门）"));
      assertThat(JsonPath.<List<String>>read(done, "$.timeline[*].status")).containsExactly(
          "SUBMITTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "REVIEWED", "APPROVED", "CONCLUDED");
    } finally {
      unbind();
    }
  }

  @Test
  void twoColleaguesCompletingOneTaskAtOnceGetOneSuccessAndOneClearConflict() throws Exception {
    Person p = register();
    String id = submit(p);
    complete(SCJG_A, taskOf(SCJG_A, id), "accept", "");
    String review = taskOf(SCJG_A, id); // 审查 goes to the whole department: both colleagues see it
    assertThat(taskOf(SCJG_B, id)).isEqualTo(review);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (RequestPostProcessor who : List.of(SCJG_A, SCJG_B)) {
        answers.add(pool.submit(() -> {
          go.await();
          var r = mvc.perform(post("/api/v1/tasks/" + review + "/completion").with(who)
              .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"agree\"}")).andReturn().getResponse();
          return r.getStatus() + " " + r.getContentAsString();
        }));
      }
      go.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> f : answers) {
        results.add(f.get());
      }
      assertThat(results).filteredOn(r -> r.startsWith("204")).hasSize(1);
      assertThat(results).filteredOn(r -> r.startsWith("409")).singleElement()
          .satisfies(r -> assertThat(r).contains("已被他人办理").doesNotContain("Exception"));
    } finally {
      pool.shutdown();
    }
    String d = detail(p, id);
    assertThat(JsonPath.<String>read(d, "$.status")).isEqualTo("REVIEWED");
    assertThat(JsonPath.<List<String>>read(d, "$.timeline[*].status")).containsExactly("SUBMITTED", "ACCEPTED",
        "REVIEWED");
  }

  @Test
  void whileThePrimaryIsAbsentNewAndPendingTasksGoToTheBackup() throws Exception {
    Person p = register();
    String pending = submit(p);
    // 受理 is a duty of 窗口受理岗: its A岗 has it, the B岗 does not
    String pendingTask = taskOf(SCJG_A, pending);
    assertThat(tasksOf(SCJG_B, pending)).isEmpty();
    mvc.perform(post("/api/v1/tasks/" + pendingTask + "/claim").with(SCJG_A)).andExpect(status().isNoContent());
    try {
      absent("SCJG-CKSL", true);
      String fresh = submit(p);
      // the new task and the one the A岗 had claimed are now the B岗's, and no longer the A岗's
      assertThat(tasksOf(SCJG_A, fresh)).isEmpty();
      assertThat(tasksOf(SCJG_A, pending)).isEmpty();
      assertThat(taskOf(SCJG_B, pending)).isEqualTo(pendingTask);
      assertThat(complete(SCJG_A, pendingTask, "accept", "")).isEqualTo(409);
      assertThat(complete(SCJG_B, taskOf(SCJG_B, fresh), "accept", "")).isEqualTo(204);
      assertThat(complete(SCJG_B, pendingTask, "accept", "")).isEqualTo(204);
      assertThat(JsonPath.<String>read(detail(p, fresh), "$.timeline[1].by")).contains("窗口受理岗（B岗）");
    } finally {
      absent("SCJG-CKSL", false);
    }
    String back = submit(p);
    assertThat(tasksOf(SCJG_A, back)).hasSize(1);
    assertThat(tasksOf(SCJG_B, back)).isEmpty();
    // the absence needs a reason, and only an administrator may set it
    mvc.perform(put("/api/v1/admin/posts/SCJG-CKSL/absence").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
        .content("{\"absent\":true,\"reason\":\"\"}")).andExpect(status().isUnprocessableContent());
    mvc.perform(put("/api/v1/admin/posts/SCJG-CKSL/absence").with(SCJG_A).contentType(MediaType.APPLICATION_JSON)
        .content("{\"absent\":true,\"reason\":\"x\"}")).andExpect(status().isForbidden());
  }

  @Test
  void aPauseIsListedAndStopsTheClockUntilResumed() throws Exception {
    Person p = register();
    String id = submit(p);
    String number = JsonPath.read(detail(p, id), "$.number");
    String queryCode = JsonPath.read(detail(p, id), "$.queryCode");
    mvc.perform(get("/api/v1/progress").param("number", number).param("queryCode", queryCode))
        .andExpect(jsonPath("$.deadlines").doesNotExist())
        .andExpect(jsonPath("$.currentStep").value("受理（义乌市市场监督管理局 · 窗口受理岗）"));
    complete(SCJG_A, taskOf(SCJG_A, id), "accept", "");
    mvc.perform(get("/api/v1/progress").param("number", number).param("queryCode", queryCode))
        .andExpect(jsonPath("$.deadlines.promisedDays").value(1))
        .andExpect(jsonPath("$.deadlines.acceptedOn").isNotEmpty())
        .andExpect(jsonPath("$.currentStep").value("审查（义乌市市场监督管理局 · 审查岗）"));
    String task = taskOf(SCJG_A, id);
    mvc.perform(post("/api/v1/tasks/" + task + "/clock/pause").with(SCJG_A).contentType(MediaType.APPLICATION_JSON)
        .content("{\"kind\":\"SITE_INSPECTION\",\"reason\":\"经营场所现场核查\"}")).andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/progress").param("number", number).param("queryCode", queryCode))
        .andExpect(jsonPath("$.deadlines.state").value("PAUSED"))
        .andExpect(jsonPath("$.deadlines.pauses[0].kindLabel").value("现场勘查"))
        .andExpect(jsonPath("$.deadlines.pauses[0].reason").value("经营场所现场核查"));
    mvc.perform(post("/api/v1/tasks/" + task + "/clock/resume").with(SCJG_A)).andExpect(status().isNoContent());
    mvc.perform(post("/api/v1/tasks/" + task + "/clock/resume").with(SCJG_A)).andExpect(status().isConflict());
    mvc.perform(get("/api/v1/progress").param("number", number).param("queryCode", queryCode))
        .andExpect(jsonPath("$.deadlines.state").value(Matchers.not("PAUSED")))
        .andExpect(jsonPath("$.deadlines.pauses[0].endedOn").isNotEmpty());
  }

  @Test
  void theApplicantIsToldAtAcceptanceCorrectionDecisionAndCompletion() throws Exception {
    Person p = register();
    String id = submit(p);
    String applicant = JsonPath.read(mvc.perform(get("/api/v1/me").with(p.auth()))
        .andReturn().getResponse().getContentAsString(), "$.accountId");
    complete(SCJG_A, taskOf(SCJG_A, id), "supplement", "请补充出租方签字");
    mvc.perform(multipart("/api/v1/applications/" + id + "/supplement")
            .file(new MockMultipartFile("correction", "", "application/json", json.writeValueAsBytes(Map.of())))
            .file(new MockMultipartFile("material.premises", "租赁协议.pdf", "application/pdf", SliceApiTest.PDF))
            .with(p.auth()))
        .andExpect(status().isOk());
    complete(SCJG_A, taskOf(SCJG_A, id), "accept", "");
    complete(SCJG_A, taskOf(SCJG_A, id), "agree", "");
    complete(SCJG_A, taskOf(SCJG_A, id), "approve", "");
    Conclusions.await(jdbc, id);
    assertThat(notifications.sentTo(applicant, 10)).extracting(Notifications.Sent::subject)
        .containsExactlyInAnyOrder("办件已办结", "已作出决定", "办件已受理", "请补正申请材料");
    assertThat(notifications.sentTo(applicant, 10)).allSatisfy(n -> {
      assertThat(n.channel()).isEqualTo("SMS");
      assertThat(n.addressShown()).doesNotContain(p.mobile());
    });
  }

  @Test
  void theInstantAndMultiLevelTemplatesDriveTheCaseThroughItsLifecycle() throws Exception {
    Person p = register();
    bind("instant-approval", List.of());
    String instant;
    try {
      instant = submit(p);
    } finally {
      unbind();
    }
    assertThat(tasksOf(SCJG_A, instant)).singleElement().satisfies(t -> assertThat(t.get("step")).isEqualTo("INSTANT"));
    assertThat(complete(SCJG_A, taskOf(SCJG_A, instant), "approve", "当场办结")).isEqualTo(204);
    Conclusions.await(jdbc, instant);
    String done = detail(p, instant);
    assertThat(JsonPath.<String>read(done, "$.status")).isEqualTo("CONCLUDED");
    assertThat(JsonPath.<String>read(done, "$.licenseIdentifier")).isNotBlank();

    bind("multi-level-approval", List.of());
    String multi;
    try {
      multi = submit(p);
    } finally {
      unbind();
    }
    for (String[] step : new String[][] {{"accept", "ACCEPTED"}, {"agree", "ACCEPTED"}, {"agree", "REVIEWED"},
        {"approve", "CONCLUDED"}}) {
      assertThat(complete(SCJG_A, taskOf(SCJG_A, multi), step[0], "")).isEqualTo(204);
      if ("approve".equals(step[0])) {
        Conclusions.await(jdbc, multi);
      }
      assertThat(JsonPath.<String>read(detail(p, multi), "$.status")).isEqualTo(step[1]);
    }
    assertThat(JsonPath.<List<String>>read(detail(p, multi), "$.timeline[*].by").toString()).isNotEmpty();
  }

  @Test
  void uploadedProcessesAreValidatedBeforeTheyCanBeBound() throws Exception {
    String bad = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                     targetNamespace="t">
          <process id="my-approval" name="自定义" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="sign"/>
            <userTask id="sign" name="签字" flowable:candidateGroups="everyone"/>
            <sequenceFlow id="f2" sourceRef="sign" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>""";
    mvc.perform(multipart("/api/v1/admin/processes").file(new MockMultipartFile("file", "my.bpmn20.xml",
            "application/xml", bad.getBytes())).with(ADMIN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].message").value(Matchers.hasItems(
            Matchers.containsString("不是已知环节"),
            Matchers.containsString("routing.groups"))));
    mvc.perform(multipart("/api/v1/admin/processes").file(new MockMultipartFile("file", "x.xml", "application/xml",
            "<definitions>".getBytes())).with(ADMIN))
        .andExpect(status().isUnprocessableContent());
    String good = bad.replace("id=\"sign\" name=\"签字\" flowable:candidateGroups=\"everyone\"",
        "id=\"handle\" name=\"即办\" flowable:candidateGroups=\"${routing.groups(execution)}\"")
        .replace("targetRef=\"sign\"", "targetRef=\"handle\"").replace("sourceRef=\"sign\"", "sourceRef=\"handle\"");
    mvc.perform(multipart("/api/v1/admin/processes").file(new MockMultipartFile("file", "my.bpmn20.xml",
            "application/xml", good.getBytes())).with(ADMIN))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.key").value("my-approval"));
    // a joint review needs its departments; unknown processes cannot be bound; staff may not upload
    mvc.perform(put("/api/v1/admin/process-bindings/" + ITEM).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
        .content("{\"processKey\":\"joint-review\",\"jointDepartments\":[\"SCJG\"]}"))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(put("/api/v1/admin/process-bindings/" + ITEM).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
        .content("{\"processKey\":\"nope\"}")).andExpect(status().isUnprocessableContent());
    mvc.perform(multipart("/api/v1/admin/processes").file(new MockMultipartFile("file", "my.bpmn20.xml",
        "application/xml", good.getBytes())).with(SCJG_A)).andExpect(status().isForbidden());
  }

  @Test
  void theDepartmentTerminatesACaseBeforeItsDecision() throws Exception {
    Person p = register();
    String id = submit(p);
    complete(SCJG_A, taskOf(SCJG_A, id), "accept", "");
    String task = taskOf(SCJG_A, id);
    mvc.perform(post("/api/v1/tasks/" + task + "/termination").with(SCJG_A).contentType(MediaType.APPLICATION_JSON)
        .content("{\"reason\":\" \"}")).andExpect(status().isUnprocessableContent());
    mvc.perform(post("/api/v1/tasks/" + task + "/termination").with(WJW).contentType(MediaType.APPLICATION_JSON)
        .content("{\"reason\":\"x\"}")).andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/tasks/" + task + "/termination").with(SCJG_A).contentType(MediaType.APPLICATION_JSON)
        .content("{\"reason\":\"申请人已注销，办理事项失去对象\"}")).andExpect(status().isNoContent());
    String d = detail(p, id);
    assertThat(JsonPath.<String>read(d, "$.status")).isEqualTo("TERMINATED");
    assertThat(JsonPath.<String>read(d, "$.deadlines.state")).isEqualTo("STOPPED");
    assertThat(tasksOf(SCJG_A, id)).isEmpty();
  }

  @Test
  void onlySupervisorsReadTheOverdueList() throws Exception {
    mvc.perform(get("/api/v1/supervision/overdue").with(SUPERVISOR)).andExpect(status().isOk())
        .andExpect(jsonPath("$").isArray());
    mvc.perform(get("/api/v1/supervision/overdue").with(SCJG_A)).andExpect(status().isForbidden());
    mvc.perform(get("/supervision/overdue").with(user(users.loadUserByUsername("jdy01")))).andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("超期办件督办")));
    mvc.perform(get("/supervision/overdue").with(user(users.loadUserByUsername("scjg01"))))
        .andExpect(status().isForbidden());
  }
}
