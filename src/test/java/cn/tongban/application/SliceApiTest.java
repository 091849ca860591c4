package cn.tongban.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.Conclusions;
import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.PopulationBase;
import cn.tongban.identity.Registration;
import cn.tongban.platform.crypto.Sm3;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The slice over the REST API, on real PostgreSQL: register, apply, handle, conclude, verify. */
@TongbanTest
public class SliceApiTest {
  static final String ITEM = "330782-SCJG-DJ-002"; // 个体工商户设立登记, 市场监管
  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();
  static final RequestPostProcessor STAFF = httpBasic("scjg01", "Tongban2026");
  static final RequestPostProcessor OTHER_DEPT_STAFF = httpBasic("wjw01", "Tongban2026");

  @Autowired public MockMvc mvc;
  @Autowired public JsonMapper json;
  @Autowired public JdbcClient jdbc;
  @Autowired AuditTrail audit;
  @Autowired public PopulationBase population;

  public record Person(String citizenId, String mobile, RequestPostProcessor auth) {}

  /** The slice's helpers for another test class, on that class's beans. */
  public static SliceApiTest using(MockMvc mvc, JsonMapper json, JdbcClient jdbc, PopulationBase population) {
    SliceApiTest slice = new SliceApiTest();
    slice.mvc = mvc;
    slice.json = json;
    slice.jdbc = jdbc;
    slice.population = population;
    return slice;
  }

  public Person register() throws Exception {
    String id = TestIds.person(population, "测试人");
    String mobile = TestIds.mobile();
    mvc.perform(post("/api/v1/accounts/persons").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("name", "测试人", "citizenId", id, "mobile", mobile,
                "password", "Secret123"))))
        .andExpect(status().isCreated());
    return new Person(id, mobile, httpBasic(id, "Secret123"));
  }

  Map<String, String> form(Person p) {
    return Map.of("applicantName", "测试人", "applicantCitizenId", p.citizenId(), "contactPhone", p.mobile(),
        "shopName", "测试小吃店", "businessAddress", "义乌市稠城街道测试路1号", "businessScope", "小吃服务",
        "capital", "5", "employees", "2");
  }

  public MockMultipartFile applicationPart(Map<String, ?> body) throws Exception {
    return new MockMultipartFile("application", "", "application/json", json.writeValueAsBytes(body));
  }

  public String submit(Person p, String key) throws Exception {
    String body = mvc.perform(multipart("/api/v1/applications")
            .file(applicationPart(Map.of("itemCode", ITEM, "formData", form(p))))
            .file(new MockMultipartFile("material.premises", "租赁协议.pdf", "application/pdf", PDF))
            .header("Idempotency-Key", key).with(p.auth()))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString();
    return JsonPath.read(body, "$.id");
  }

  String taskOf(String applicationId) throws Exception {
    String inbox = mvc.perform(get("/api/v1/tasks").with(STAFF)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    List<String> ids = JsonPath.read(inbox, "$[?(@.applicationId == '" + applicationId + "')].taskId");
    assertThat(ids).hasSize(1);
    return ids.get(0);
  }

  /** The staff completes the case's current task; after an approval, waits until the case has concluded. */
  public void complete(String applicationId, String outcome, String comment) throws Exception {
    completeStep(applicationId, outcome, comment);
    if ("approve".equals(outcome)) {
      Conclusions.await(jdbc, applicationId); // the case concludes once its license is issued
    }
  }

  /** The staff completes the case's current task, and nothing else. */
  public void completeStep(String applicationId, String outcome, String comment) throws Exception {
    mvc.perform(post("/api/v1/tasks/" + taskOf(applicationId) + "/completion").with(STAFF)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("outcome", outcome, "comment", comment))))
        .andExpect(status().isNoContent());
  }

  @Test
  void anApplicationRunsFromSubmissionToAVerifiableLicense() throws Exception {
    Person p = register();
    String id = submit(p, "slice-" + p.citizenId());
    mvc.perform(get("/api/v1/applications/" + id).with(p.auth()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUBMITTED"))
        .andExpect(jsonPath("$.number").value(Matchers.matchesPattern("330782\\d{8}\\d{6}")))
        .andExpect(jsonPath("$.queryCode").value(Matchers.matchesPattern("[A-Z2-9]{6}")))
        .andExpect(jsonPath("$.materials[0].sm3").value(Sm3.hex(PDF)))
        .andExpect(jsonPath("$.currentStep").value(Matchers.startsWith("受理")));

    complete(id, "accept", "材料齐全");
    complete(id, "agree", "符合登记条件");
    complete(id, "approve", "准予登记");

    String detail = mvc.perform(get("/api/v1/applications/" + id).with(p.auth()))
        .andExpect(jsonPath("$.status").value("CONCLUDED"))
        .andExpect(jsonPath("$.result").value("APPROVED"))
        .andExpect(jsonPath("$.timeline[*].status").value(Matchers.contains(
            "SUBMITTED", "ACCEPTED", "REVIEWED", "APPROVED", "CONCLUDED")))
        .andReturn().getResponse().getContentAsString();
    String license = JsonPath.read(detail, "$.licenseIdentifier");
    assertThat(license).startsWith("1.2.156.3005.2.11330782002500001M002.11330782002500001M.");

    mvc.perform(get("/api/v1/licenses/verification/" + license))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.valid").value(true))
        .andExpect(jsonPath("$.signatureValid").value(true))
        .andExpect(jsonPath("$.issuerName").value("义乌市市场监督管理局"))
        .andExpect(jsonPath("$.holderIdMasked").value(p.citizenId().substring(0, 4) + "**********"
            + p.citizenId().substring(14)));

    // the public progress query needs the number and the right query code, nothing else
    String number = JsonPath.read(detail, "$.number");
    String queryCode = JsonPath.read(detail, "$.queryCode");
    mvc.perform(get("/api/v1/progress").param("number", number).param("queryCode", queryCode.toLowerCase()))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONCLUDED"));
    mvc.perform(get("/api/v1/progress").param("number", number).param("queryCode", "WRONG1"))
        .andExpect(status().isNotFound());

    // every step left an audit record, and the chain is intact
    assertThat(audit.forObject("application", number)).extracting(r -> r.action()).containsExactly(
        "application.submitted", "application.accept.accept", "application.review.agree",
        "application.decide.approve", "application.concluded");
    assertThat(audit.forObject("application", number)).allSatisfy(r -> {
      assertThat(r.actorId()).isNotBlank();
      assertThat(r.channel()).isEqualTo("API");
    });
    assertThat(audit.verifyChain()).isEqualTo(-1);
  }

  @Test
  void alteringAnyStoredFieldOfALicenseMakesItInvalid() throws Exception {
    Person p = register();
    String id = submit(p, "tamper-" + p.citizenId());
    complete(id, "accept", "");
    complete(id, "agree", "");
    complete(id, "approve", "");
    String license = JsonPath.read(mvc.perform(get("/api/v1/applications/" + id).with(p.auth()))
        .andReturn().getResponse().getContentAsString(), "$.licenseIdentifier");

    jdbc.sql("update license.license set holder_name = '李四' where identifier = ?").param(license).update();
    mvc.perform(get("/api/v1/licenses/verification/" + license))
        .andExpect(jsonPath("$.valid").value(false)).andExpect(jsonPath("$.signatureValid").value(false));
    jdbc.sql("update license.license set holder_name = '测试人' where identifier = ?").param(license).update();
    mvc.perform(get("/api/v1/licenses/verification/" + license)).andExpect(jsonPath("$.valid").value(true));

    // the data is sealed at rest: one flipped byte makes it unreadable, hence invalid, never an error
    byte[] sealed = jdbc.sql("select data_sealed from license.license where identifier = ?").param(license)
        .query(byte[].class).single();
    byte[] flipped = sealed.clone();
    flipped[flipped.length / 2] ^= 1;
    jdbc.sql("update license.license set data_sealed = ? where identifier = ?").params(flipped, license).update();
    mvc.perform(get("/api/v1/licenses/verification/" + license)).andExpect(status().isOk())
        .andExpect(jsonPath("$.valid").value(false));
    jdbc.sql("update license.license set data_sealed = ?, issued_on = issued_on - 1 where identifier = ?")
        .params(sealed, license).update();
    mvc.perform(get("/api/v1/licenses/verification/" + license)).andExpect(jsonPath("$.valid").value(false));
  }

  @Test
  void aDuplicateSubmissionCreatesOneApplication() throws Exception {
    Person p = register();
    String key = "dup-" + p.citizenId();
    String first = submit(p, key);
    String second = submit(p, key);
    assertThat(second).isEqualTo(first);

    // and a burst of concurrent retries with one key still makes one case
    String burstKey = "burst-" + p.citizenId();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        results.add(pool.submit((Callable<String>) () -> submit(p, burstKey)));
      }
      assertThat(results.stream().map(f -> {
        try {
          return f.get();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).distinct()).hasSize(1);
    } finally {
      pool.shutdown();
    }
    String list = mvc.perform(get("/api/v1/applications").with(p.auth())).andReturn().getResponse().getContentAsString();
    assertThat((List<?>) JsonPath.read(list, "$")).hasSize(2);
  }

  @Test
  void anInvalidIdNumberIsRefusedWithAClearMessage() throws Exception {
    int accountsBefore = jdbc.sql("select count(*) from identity.account").query(Integer.class).single();
    mvc.perform(post("/api/v1/accounts/persons").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("name", "王五", "citizenId", "330782199001011238",
                "mobile", TestIds.mobile(), "password", "Secret123"))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field").value("citizenId"))
        .andExpect(jsonPath("$.errors[0].message").value("身份证号码校验位不正确，请核对后重新输入"));
    mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
            .content("{\"login\":\"330782199001011238\",\"password\":\"Secret123\"}"))
        .andExpect(status().isUnauthorized());
    assertThat(jdbc.sql("select count(*) from identity.account").query(Integer.class).single())
        .isEqualTo(accountsBefore);
  }

  @Test
  void badInputIsRefusedWholeWithEveryFieldErrorAndNothingIsWritten() throws Exception {
    Person p = register();
    int before = jdbc.sql("select count(*) from application.application").query(Integer.class).single();
    mvc.perform(multipart("/api/v1/applications")
            .file(applicationPart(Map.of("itemCode", ITEM, "formData", Map.of("applicantName", "测试人",
                "applicantCitizenId", "123", "capital", "abc", "employees", "0"))))
            .file(new MockMultipartFile("material.premises", "合同.pdf", "application/pdf",
                "MZ\u0090\u0000 this is an executable".getBytes()))
            .with(p.auth()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItems("applicantCitizenId",
            "contactPhone", "shopName", "capital", "employees", "materials.premises")))
        .andExpect(jsonPath("$.errors[?(@.field == 'materials.premises')].message").value(
            Matchers.hasItem(Matchers.containsString("改扩展名无效"))));
    assertThat(jdbc.sql("select count(*) from application.application").query(Integer.class).single())
        .isEqualTo(before);
  }

  @Test
  void anOversizedUploadIsRefused() throws Exception {
    Person p = register();
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    mvc.perform(multipart("/api/v1/applications")
            .file(applicationPart(Map.of("itemCode", ITEM, "formData", form(p))))
            .file(new MockMultipartFile("material.premises", "big.pdf", "application/pdf", big))
            .with(p.auth()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("materials.premises"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("10MB")));
  }

  @Test
  void nobodyElseSeesACase() throws Exception {
    Person owner = register();
    Person other = register();
    String id = submit(owner, "idor-" + owner.citizenId());
    mvc.perform(get("/api/v1/applications/" + id).with(other.auth())).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    mvc.perform(get("/api/v1/applications/" + UUID.randomUUID()).with(other.auth()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/applications/" + id)).andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/v1/applications/" + id).with(STAFF)).andExpect(status().isForbidden());
    // staff of another department neither see the task nor can complete it
    String task = taskOf(id);
    assertThat(mvc.perform(get("/api/v1/tasks").with(OTHER_DEPT_STAFF)).andReturn().getResponse()
        .getContentAsString()).doesNotContain(id);
    mvc.perform(post("/api/v1/tasks/" + task + "/completion").with(OTHER_DEPT_STAFF)
            .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"accept\"}"))
        .andExpect(status().isConflict());
  }

  @Autowired Registration registration;

  @Test
  void aRefusalCarriesItsReasonLegalBasisAndRemedy() throws Exception {
    Person p = register();
    String id = submit(p, "refuse-" + p.citizenId());
    complete(id, "reject", "申请人已在他处登记同名个体工商户");
    mvc.perform(get("/api/v1/applications/" + id).with(p.auth()))
        .andExpect(jsonPath("$.status").value("NOT_ACCEPTED"))
        .andExpect(jsonPath("$.notice").value(Matchers.allOf(
            Matchers.containsString("不予受理理由：申请人已在他处登记同名个体工商户"),
            Matchers.containsString("法律依据：《中华人民共和国行政许可法》第三十二条"),
            Matchers.containsString("《中华人民共和国市场主体登记管理条例》"),
            Matchers.containsString("救济途径："))));
  }

  @Test
  void staffWorkOnlyTheirOwnDivisionsCases() throws Exception {
    // a clerk of the same department, but posted to a town (稠城街道), does not handle the county's cases
    String user = "scjg-town-" + (System.nanoTime() % 100000);
    TransactionTemplate tx = new org.springframework.transaction.support
        .TransactionTemplate(transactionManager);
    tx.executeWithoutResult(s -> registration.registerStaff(user, "Tongban2026", "镇街窗口", "SCJG", "义乌市市场监督管理局",
        "330782001", "窗口受理岗"));
    RequestPostProcessor townClerk = httpBasic(user, "Tongban2026");
    Person p = register();
    String id = submit(p, "region-" + p.citizenId());
    String task = taskOf(id);
    assertThat(mvc.perform(get("/api/v1/tasks").with(townClerk)).andReturn().getResponse().getContentAsString())
        .doesNotContain(id);
    mvc.perform(get("/api/v1/tasks/" + task).with(townClerk)).andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/tasks/" + task + "/completion").with(townClerk).contentType(MediaType.APPLICATION_JSON)
        .content("{\"outcome\":\"accept\"}")).andExpect(status().isConflict());
    // the county's clerk does
    mvc.perform(get("/api/v1/tasks/" + task).with(STAFF)).andExpect(status().isOk());
  }

  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void twoStaffCompletingOneTaskAtOnceGetOneSuccessAndOneClearConflict() throws Exception {
    Person p = register();
    String id = submit(p, "race-" + p.citizenId());
    String task = taskOf(id);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> codes = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        codes.add(pool.submit(() -> mvc.perform(post("/api/v1/tasks/" + task + "/completion").with(STAFF)
            .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"accept\"}"))
            .andReturn().getResponse().getStatus()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : codes) {
        statuses.add(f.get());
      }
      assertThat(statuses).containsExactlyInAnyOrder(204, 409);
    } finally {
      pool.shutdown();
    }
    mvc.perform(get("/api/v1/applications/" + id).with(p.auth()))
        .andExpect(jsonPath("$.status").value("ACCEPTED"))
        .andExpect(jsonPath("$.timeline.length()").value(2));
  }

  @Test
  void aCorrectionRequestListsEverythingOnceAndTheResubmissionReturnsToIntake() throws Exception {
    Person p = register();
    String id = submit(p, "supp-" + p.citizenId());
    complete(id, "supplement", "1. 经营场所使用证明缺少出租方签字；\n2. 经营范围表述不规范，请按《经营范围规范表述目录》填写。");
    mvc.perform(get("/api/v1/applications/" + id).with(p.auth()))
        .andExpect(jsonPath("$.status").value("SUPPLEMENT_REQUIRED"))
        .andExpect(jsonPath("$.notice").value(Matchers.containsString("经营范围表述不规范")));
    mvc.perform(multipart("/api/v1/applications/" + id + "/supplement")
            .file(new MockMultipartFile("correction", "", "application/json",
                json.writeValueAsBytes(Map.of("formData", Map.of("businessScope", "小吃服务（不含生食）")))))
            .file(new MockMultipartFile("material.premises", "租赁协议-已签字.pdf", "application/pdf", PDF))
            .with(p.auth()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUBMITTED"))
        .andExpect(jsonPath("$.formData.businessScope").value("小吃服务（不含生食）"))
        .andExpect(jsonPath("$.materials.length()").value(2));
    complete(id, "accept", "");
    mvc.perform(get("/api/v1/applications/" + id).with(p.auth())).andExpect(jsonPath("$.status").value("ACCEPTED"));
  }

  @Test
  void theAuditChainRevealsAnAlteredRecord() throws Exception {
    register();
    assertThat(audit.verifyChain()).isEqualTo(-1);
    long seq = jdbc.sql("select max(seq) from audit.audit_record").query(Long.class).single();
    String detail = jdbc.sql("select detail from audit.audit_record where seq = ?").param(seq).query(String.class).single();
    jdbc.sql("update audit.audit_record set detail = 'altered' where seq = ?").param(seq).update();
    try {
      assertThat(audit.verifyChain()).isEqualTo(seq);
    } finally {
      jdbc.sql("update audit.audit_record set detail = ? where seq = ?").params(detail, seq).update();
    }
    assertThat(audit.verifyChain()).isEqualTo(-1);
  }
}
