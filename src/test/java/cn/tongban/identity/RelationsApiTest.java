package cn.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.audit.AuditTrail;
import cn.tongban.identity.internal.IdentityVerification;
import cn.tongban.identity.internal.MinorHandover;
import cn.tongban.notification.Notifications;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real-name verification, enterprises and their employees, delegation, guardianship with the handover at 18, window
 * assistance and face-verification consent, over the API on real PostgreSQL — and that nobody else reaches any of it.
 */
@TongbanTest
class RelationsApiTest {
  static final String ITEM = "330782-SCJG-DJ-002"; // 个体工商户设立登记
  static final String OTHER_ITEM = "330782-SCJG-XK-001"; // 食品经营许可
  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired PopulationBase population;
  @Autowired EnterpriseBase enterpriseBase;
  @Autowired MinorHandover handover;
  @Autowired Notifications notifications;
  @Autowired AuditTrail audit;
  @Autowired UserDetailsService users;

  /** The portal uses sessions, not Basic: a page request as this person, signed in. */
  RequestPostProcessor page(Person p) {
    return SecurityMockMvcRequestPostProcessors
        .user(users.loadUserByUsername(p.citizenId()));
  }

  record Person(String name, String citizenId, String mobile, UUID accountId, RequestPostProcessor auth) {}

  Person register(String name) throws Exception {
    String id = TestIds.person(population, name);
    String mobile = TestIds.mobile();
    String body = mvc.perform(post("/api/v1/accounts/persons").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("name", name, "citizenId", id, "mobile", mobile,
                "password", "Secret123"))))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return new Person(name, id, mobile, UUID.fromString(JsonPath.read(body, "$.accountId")), httpBasic(id, "Secret123"));
  }

  ResultActions postJson(String path, Object body, RequestPostProcessor auth) throws Exception {
    return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))
        .with(auth));
  }

  /** Submits the 个体工商户 item (or another), optionally for a party; returns the response. */
  ResultActions apply(RequestPostProcessor auth, String item, String partyType, UUID partyId, String key)
      throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("itemCode", item);
    body.put("formData", Map.of("applicantName", "测试人", "applicantCitizenId", TestIds.citizenId(),
        "contactPhone", TestIds.mobile(), "shopName", "测试小吃店", "businessAddress", "义乌市稠城街道测试路1号",
        "businessScope", "小吃服务", "capital", "5", "employees", "2"));
    if (partyType != null) {
      body.put("onBehalfType", partyType);
      body.put("onBehalfId", partyId.toString());
    }
    return mvc.perform(multipart("/api/v1/applications")
        .file(new MockMultipartFile("application", "", "application/json", json.writeValueAsBytes(body)))
        .file(new MockMultipartFile("material.premises", "租赁协议.pdf", "application/pdf", PDF))
        .header("Idempotency-Key", key).with(auth));
  }

  static String id(ResultActions r) throws Exception {
    return JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id");
  }

  static String code(String body, int digits) {
    Matcher m = Pattern.compile("(?<!\\d)(\\d{" + digits + "})(?!\\d)").matcher(body);
    assertThat(m.find()).as("a %d-digit code in %s", digits, body).isTrue();
    return m.group(1);
  }

  static String creditCode(String body16) {
    String body = "9" + body16;
    return body + CreditCode.checkCharacter(body);
  }

  // --- 1. real-name verification

  @Test
  void registrationNeedsTheNameAndIdNumberOfThePopulationBase() throws Exception {
    String id = TestIds.person(population, "林一");
    Map<String, String> wrongName = Map.of("name", "林二", "citizenId", id, "mobile", TestIds.mobile(),
        "password", "Secret123");
    postJson("/api/v1/accounts/persons", wrongName, r -> r).andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("citizenId"))
        .andExpect(jsonPath("$.errors[0].message").value(Registration.REAL_NAME_FAILED));
    // a valid number the population base does not know gets the very same answer (nothing to enumerate)
    postJson("/api/v1/accounts/persons", Map.of("name", "林一", "citizenId", TestIds.citizenId(),
        "mobile", TestIds.mobile(), "password", "Secret123"), r -> r)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value(Registration.REAL_NAME_FAILED));
    // a minor cannot register on their own
    String minor = TestIds.person(population, "林小", LocalDate.now(CHINA).minusYears(10));
    postJson("/api/v1/accounts/persons", Map.of("name", "林小", "citizenId", minor, "mobile", TestIds.mobile(),
        "password", "Secret123"), r -> r)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("监护人")));
    assertThat(jdbc.sql("select count(*) from identity.account where citizen_id in (?, ?)").params(id, minor)
        .query(Integer.class).single()).isZero();
    postJson("/api/v1/accounts/persons", Map.of("name", "林一", "citizenId", id, "mobile", TestIds.mobile(),
        "password", "Secret123"), r -> r).andExpect(status().isCreated());
  }

  // --- 2. enterprises

  @Test
  void theLegalRepresentativeBindsTheEnterpriseAndAuthorizesAnEmployeeRevocably() throws Exception {
    Person rep = register("周法人");
    Person employee = register("吴经办");
    Person stranger = register("郑路人");
    String code = creditCode("1330782MA" + String.format("%07d", Math.abs(rep.citizenId().hashCode()) % 10_000_000));
    enterpriseBase.addEnterprise(code, "义乌市周氏饰品有限公司", "周法人", rep.citizenId());

    String mutated = code.substring(0, 17) + (code.charAt(17) == '1' ? '2' : '1');
    postJson("/api/v1/enterprises", Map.of("creditCode", mutated), rep.auth())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value("统一社会信用代码校验位不正确，请核对后重新输入"));
    postJson("/api/v1/enterprises", Map.of("creditCode", "91330782MA2EC1234K"), rep.auth()) // someone else's
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("creditCode"));
    postJson("/api/v1/enterprises", Map.of("creditCode", code), stranger.auth()) // not the legal representative
        .andExpect(status().isUnprocessableContent());
    String enterpriseId = id(postJson("/api/v1/enterprises", Map.of("creditCode", code.toLowerCase()), rep.auth())
        .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("义乌市周氏饰品有限公司")));
    postJson("/api/v1/enterprises", Map.of("creditCode", code), rep.auth())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value("该企业已由法定代表人完成注册"));

    // the employee is authorized for one item only
    String mandate = id(postJson("/api/v1/enterprises/" + enterpriseId + "/agents",
        Map.of("agentName", "吴经办", "agentCitizenId", employee.citizenId(), "itemCode", ITEM), rep.auth())
        .andExpect(status().isCreated()));
    String caseId = id(apply(employee.auth(), ITEM, "ENTERPRISE", UUID.fromString(enterpriseId), "ent-" + mandate)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.acting.partyType").value("ENTERPRISE"))
        .andExpect(jsonPath("$.acting.partyName").value("义乌市周氏饰品有限公司")));
    apply(employee.auth(), OTHER_ITEM, "ENTERPRISE", UUID.fromString(enterpriseId), "ent-other-" + mandate)
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_ENTITLED_TO_ACT"));
    // the legal representative reaches the enterprise's case; nobody else does, and others' objects are 404
    mvc.perform(get("/api/v1/applications/" + caseId).with(rep.auth())).andExpect(status().isOk());
    mvc.perform(get("/api/v1/applications").param("partyType", "ENTERPRISE").param("partyId", enterpriseId)
        .with(rep.auth())).andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(caseId));
    mvc.perform(get("/api/v1/applications/" + caseId).with(stranger.auth())).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/applications").param("partyType", "ENTERPRISE").param("partyId", enterpriseId)
        .with(stranger.auth())).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/enterprises/" + enterpriseId + "/agents").with(stranger.auth()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/enterprises/" + enterpriseId + "/agents").with(employee.auth()))
        .andExpect(status().isNotFound());
    mvc.perform(delete("/api/v1/enterprises/" + enterpriseId + "/agents/" + mandate).with(stranger.auth()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/my/enterprises/" + enterpriseId).with(page(stranger))).andExpect(status().isNotFound());

    // revocation takes effect at once
    mvc.perform(delete("/api/v1/enterprises/" + enterpriseId + "/agents/" + mandate).with(rep.auth()))
        .andExpect(status().isNoContent());
    apply(employee.auth(), ITEM, "ENTERPRISE", UUID.fromString(enterpriseId), "ent-after-" + mandate)
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/enterprises/" + enterpriseId + "/agents").with(rep.auth()))
        .andExpect(jsonPath("$[0].active").value(false)).andExpect(jsonPath("$[0].revokedAt").exists());
    assertThat(audit.forObject("mandate", mandate)).extracting(r -> r.action())
        .containsExactly("mandate.granted", "mandate.revoked");
  }

  // --- 4. delegation (委托代办)

  @Test
  void anAgentAppliesForThePrincipalWithinTheMandateUntilItIsRevoked() throws Exception {
    Person principal = register("钱委托");
    Person agent = register("孙受托");
    Person stranger = register("李无关");
    postJson("/api/v1/delegations", Map.of("agentName", "孙错名", "agentCitizenId", agent.citizenId(),
        "itemCode", ITEM), principal.auth())
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("agentCitizenId"));
    postJson("/api/v1/delegations", Map.of("agentName", "孙受托", "agentCitizenId", agent.citizenId()),
        principal.auth()) // all items without an end date
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("validUntil"));
    String mandate = id(postJson("/api/v1/delegations", Map.of("agentName", "孙受托", "agentCitizenId",
        agent.citizenId(), "itemCode", ITEM, "validUntil", LocalDate.now(CHINA).plusDays(30).toString()),
        principal.auth()).andExpect(status().isCreated()));

    mvc.perform(get("/api/v1/parties").with(agent.auth()))
        .andExpect(jsonPath("$[?(@.id == '" + principal.accountId() + "')].relation").value(
            Matchers.contains("委托代办")));
    String caseId = id(apply(agent.auth(), ITEM, "PERSON", principal.accountId(), "agent-" + mandate)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.acting.representation").value("AGENT"))
        .andExpect(jsonPath("$.acting.agentName").value("孙受托"))
        .andExpect(jsonPath("$.acting.partyName").value("钱委托"))
        .andExpect(jsonPath("$.timeline[0].by").value("受托人孙受托代办（接口）")));
    // the case is the principal's
    mvc.perform(get("/api/v1/applications").with(principal.auth())).andExpect(jsonPath("$[0].id").value(caseId));
    mvc.perform(get("/api/v1/applications/" + caseId).with(principal.auth())).andExpect(status().isOk());
    mvc.perform(get("/api/v1/applications/" + caseId).with(agent.auth())).andExpect(status().isOk());
    mvc.perform(get("/api/v1/applications/" + caseId).with(stranger.auth())).andExpect(status().isNotFound());
    // outside the mandate's items, refused
    apply(agent.auth(), OTHER_ITEM, "PERSON", principal.accountId(), "agent-other-" + mandate)
        .andExpect(status().isForbidden());
    // nobody but the principal revokes
    mvc.perform(delete("/api/v1/delegations/" + mandate).with(agent.auth())).andExpect(status().isNotFound());
    mvc.perform(delete("/api/v1/delegations/" + mandate).with(stranger.auth())).andExpect(status().isNotFound());
    mvc.perform(delete("/api/v1/delegations/" + mandate).with(principal.auth())).andExpect(status().isNoContent());
    // at once: the next attempt is refused and the case is out of the agent's reach
    apply(agent.auth(), ITEM, "PERSON", principal.accountId(), "agent-after-" + mandate)
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_ENTITLED_TO_ACT"));
    mvc.perform(get("/api/v1/applications/" + caseId).with(agent.auth())).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/applications").param("partyType", "PERSON")
        .param("partyId", principal.accountId().toString()).with(agent.auth())).andExpect(status().isNotFound());
    mvc.perform(get("/my/applications/" + caseId).with(page(agent))).andExpect(status().isNotFound());
  }

  // --- 3. guardians and the handover at 18

  @Test
  void aGuardianManagesTheMinorsAccountUntilItPassesToTheMinorOnTheEighteenthBirthday() throws Exception {
    Person guardian = register("冯家长");
    Person stranger = register("陈旁人");
    LocalDate today = LocalDate.now(CHINA);
    String adultId = TestIds.person(population, "冯成年", today.minusYears(20));
    postJson("/api/v1/minors", Map.of("name", "冯成年", "citizenId", adultId, "mobile", TestIds.mobile(),
        "relation", "FATHER"), guardian.auth())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value("该身份证号码显示已年满18周岁，请由本人注册"));

    // turns 18 tomorrow
    String minorCid = TestIds.person(population, "冯小明", today.minusYears(18).plusDays(1));
    String minorMobile = TestIds.mobile();
    String minorId = id(postJson("/api/v1/minors", Map.of("name", "冯小明", "citizenId", minorCid,
        "mobile", minorMobile, "relation", "MOTHER"), guardian.auth()).andExpect(status().isCreated()));
    mvc.perform(get("/api/v1/minors").with(guardian.auth()))
        .andExpect(jsonPath("$[0].name").value("冯小明")).andExpect(jsonPath("$[0].active").value(true))
        .andExpect(jsonPath("$[0].adultOn").value(today.plusDays(1).toString()));
    // the minor's account cannot sign in by itself
    mvc.perform(get("/api/v1/me").with(httpBasic(minorCid, "Secret123"))).andExpect(status().isUnauthorized());

    String caseId = id(apply(guardian.auth(), ITEM, "PERSON", UUID.fromString(minorId), "minor-" + minorId)
        .andExpect(status().isCreated()).andExpect(jsonPath("$.acting.representation").value("GUARDIAN")));
    mvc.perform(get("/api/v1/applications/" + caseId).with(guardian.auth())).andExpect(status().isOk());
    mvc.perform(get("/api/v1/applications/" + caseId).with(stranger.auth())).andExpect(status().isNotFound());
    mvc.perform(get("/my/applications").param("for", "PERSON:" + minorId).with(page(stranger)))
        .andExpect(status().isNotFound());

    // not yet 18 today: nothing happens
    handover.runFor(today);
    mvc.perform(get("/api/v1/applications/" + caseId).with(guardian.auth())).andExpect(status().isOk());

    // the 18th birthday: the guardian loses access, the minor gets a code by SMS; a second run does nothing more
    assertThat(handover.runFor(today.plusDays(1))).isPositive();
    assertThat(handover.runFor(today.plusDays(1))).isZero();
    mvc.perform(get("/api/v1/applications/" + caseId).with(guardian.auth())).andExpect(status().isNotFound());
    apply(guardian.auth(), ITEM, "PERSON", UUID.fromString(minorId), "minor-after-" + minorId)
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/minors").with(guardian.auth())).andExpect(jsonPath("$[0].active").value(false));
    assertThat(audit.forObject("account", minorId)).extracting(r -> r.action())
        .contains("account.minor-registered", "guardianship.ended", "account.handed-over");
    List<Notifications.Sent> sms = notifications.sentTo(minorId, 5);
    assertThat(sms).hasSize(1);
    assertThat(sms.get(0).channel()).isEqualTo("SMS");
    assertThat(sms.get(0).addressShown()).isEqualTo(Notifications.mask(minorMobile));
    String code = code(sms.get(0).body(), 8);

    // a wrong code is refused; the right one lets the new adult set a password and sign in
    postJson("/api/v1/accounts/handover", Map.of("citizenId", minorCid, "code", "00000000".equals(code) ? "11111111"
        : "00000000", "password", "Grown2026"), r -> r).andExpect(status().isUnprocessableContent());
    postJson("/api/v1/accounts/handover", Map.of("citizenId", minorCid, "code", code, "password", "Grown2026"),
        r -> r).andExpect(status().isNoContent());
    postJson("/api/v1/accounts/handover", Map.of("citizenId", minorCid, "code", code, "password", "Other2026"),
        r -> r).andExpect(status().isUnprocessableContent()); // once only
    mvc.perform(get("/api/v1/me").with(httpBasic(minorCid, "Grown2026")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("冯小明"));
    mvc.perform(get("/api/v1/applications/" + caseId).with(httpBasic(minorCid, "Grown2026")))
        .andExpect(status().isOk());
    assertThat(audit.forObject("account", minorId)).extracting(r -> r.action()).contains("account.handover-completed");
  }

  // --- 4b. window assistance (帮办)

  @Test
  void aWindowClerkEntersAnAssistedApplicationThatSaysWhoHelped() throws Exception {
    Person p = register("褚到场");
    Person other = register("卫别人");
    Map<String, Object> body = Map.of("citizenId", p.citizenId(), "itemCode", ITEM, "formData", Map.of(
        "applicantName", "褚到场", "applicantCitizenId", p.citizenId(), "contactPhone", p.mobile(),
        "shopName", "褚记面馆", "businessAddress", "义乌市稠城街道测试路2号", "businessScope", "面食",
        "capital", "3", "employees", "1"));
    String response = mvc.perform(multipart("/api/v1/assisted-applications")
            .file(new MockMultipartFile("application", "", "application/json", json.writeValueAsBytes(body)))
            .file(new MockMultipartFile("material.premises", "租赁协议.pdf", "application/pdf", PDF))
            .with(httpBasic("scjg01", "Tongban2026")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.channel").value("WINDOW"))
        .andExpect(jsonPath("$.assistedBy").value("王受理"))
        .andReturn().getResponse().getContentAsString();
    String caseId = JsonPath.read(response, "$.id");
    mvc.perform(get("/api/v1/applications/" + caseId).with(p.auth())).andExpect(status().isOk())
        .andExpect(jsonPath("$.acting.representation").value("ASSISTED"))
        .andExpect(jsonPath("$.timeline[0].by").value("窗口工作人员王受理帮办（窗口）"));
    mvc.perform(get("/api/v1/applications/" + caseId).with(other.auth())).andExpect(status().isNotFound());
    // applicants cannot use the window's entry
    mvc.perform(multipart("/api/v1/assisted-applications")
            .file(new MockMultipartFile("application", "", "application/json", json.writeValueAsBytes(body)))
            .with(other.auth()))
        .andExpect(status().isForbidden());
  }

  // --- 6. face verification only after a separate consent; the SMS code otherwise

  @Test
  void faceVerificationNeedsASeparateConsentAndTheSmsCodeIsAlwaysOffered() throws Exception {
    Person p = register("蒋核验");
    mvc.perform(post("/api/v1/identity-verification/face").contentType(MediaType.APPLICATION_OCTET_STREAM)
            .content(new byte[] {1, 2, 3}).with(p.auth()))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("BIOMETRIC_CONSENT_REQUIRED"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("短信验证码")));
    mvc.perform(post("/api/v1/identity-verification/consent").with(p.auth())).andExpect(status().isCreated())
        .andExpect(jsonPath("$.purpose").value(IdentityVerification.FACE_PURPOSE))
        .andExpect(jsonPath("$.consentedAt").exists());
    // with consent, the attempt reaches the provider; none is configured here, so the SMS code is offered
    mvc.perform(post("/api/v1/identity-verification/face").contentType(MediaType.APPLICATION_OCTET_STREAM)
            .content(new byte[] {1, 2, 3}).with(p.auth()))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.code").value("FACE_VERIFICATION_UNAVAILABLE"));
    mvc.perform(delete("/api/v1/identity-verification/consent").with(p.auth())).andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/identity-verification/consent").with(p.auth()))
        .andExpect(jsonPath("$[0].withdrawnAt").exists());
    mvc.perform(post("/api/v1/identity-verification/face").contentType(MediaType.APPLICATION_OCTET_STREAM)
            .content(new byte[] {1}).with(p.auth()))
        .andExpect(status().isForbidden());
    assertThat(audit.forObject("account", p.accountId().toString())).extracting(r -> r.action())
        .contains("consent.biometric-given", "consent.biometric-withdrawn");

    mvc.perform(post("/api/v1/identity-verification/sms").with(p.auth())).andExpect(status().isAccepted());
    String code = code(notifications.sentTo(p.accountId().toString(), 1).get(0).body(), 6);
    postJson("/api/v1/identity-verification/sms/check", Map.of("code", code.equals("000000") ? "111111" : "000000"),
        p.auth()).andExpect(jsonPath("$.verified").value(false));
    postJson("/api/v1/identity-verification/sms/check", Map.of("code", code), p.auth())
        .andExpect(jsonPath("$.verified").value(true));
    postJson("/api/v1/identity-verification/sms/check", Map.of("code", code), p.auth())
        .andExpect(jsonPath("$.verified").value(false)); // once only
  }
}
