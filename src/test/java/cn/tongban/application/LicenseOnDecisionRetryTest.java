package cn.tongban.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.tongban.Conclusions;
import cn.tongban.TongbanTest;
import cn.tongban.application.SliceApiTest.Person;
import cn.tongban.identity.PopulationBase;
import cn.tongban.notification.Notifications;
import cn.tongban.platform.events.FailedEventRetry;
import com.jayway.jsonpath.JsonPath;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * 准予 → license → 办结 through application events and the event publication registry: when the license module cannot
 * issue (the issuer's seal key cannot be read), the decision stands, the case waits approved and the publication stays
 * failed; once the seal is usable again, the retry issues the license and the case concludes with it, exactly once.
 */
@TongbanTest
class LicenseOnDecisionRetryTest {
  static final String ISSUER = "issuer:11330782002500001M"; // 义乌市市场监督管理局, the issuer of the slice's item

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired PopulationBase population;
  @Autowired Notifications notifications;
  @Autowired FailedEventRetry retry;

  @Test
  void aLicenseThatFailsToIssueIsIssuedOnRetryAndTheCaseConcludesWithItOnce() throws Exception {
    SliceApiTest slice = SliceApiTest.using(mvc, json, jdbc, population);
    Person p = slice.register();
    String id = slice.submit(p, "retry-" + p.citizenId());
    String number = JsonPath.read(detail(p, id), "$.number");
    slice.complete(id, "accept", "材料齐全");
    slice.complete(id, "agree", "符合登记条件");

    Optional<String> sealKey = activeKey();
    String broken = breakTheSeal();
    try {
      slice.completeStep(id, "approve", "准予登记");

      Awaitility.await("the failed publication").atMost(Duration.ofSeconds(15))
          .until(() -> "FAILED".equals(publicationStatus(number)));
      assertThat(JsonPath.<String>read(detail(p, id), "$.status")).isEqualTo("APPROVED");
      assertThat(licensesOf(number)).isZero();
    } finally {
      repairTheSeal(broken, sealKey);
    }

    retry.resubmitFailed();
    Conclusions.await(jdbc, id);

    String done = detail(p, id);
    assertThat(JsonPath.<String>read(done, "$.status")).isEqualTo("CONCLUDED");
    assertThat(JsonPath.<List<String>>read(done, "$.timeline[*].status"))
        .containsExactly("SUBMITTED", "ACCEPTED", "REVIEWED", "APPROVED", "CONCLUDED");
    String license = JsonPath.read(done, "$.licenseIdentifier");
    assertThat(licensesOf(number)).isOne();
    assertThat(JsonPath.<Boolean>read(mvc.perform(get("/api/v1/licenses/verification/" + license))
        .andReturn().getResponse().getContentAsString(), "$.valid")).isTrue();
    Awaitility.await("the completed publication").atMost(Duration.ofSeconds(15))
        .until(() -> "COMPLETED".equals(publicationStatus(number)));
    String applicant = JsonPath.read(mvc.perform(get("/api/v1/me").with(p.auth()))
        .andReturn().getResponse().getContentAsString(), "$.accountId");
    assertThat(notifications.sentTo(applicant, 20)).filteredOn(n -> n.subject().equals("办件已办结")).hasSize(1);

    // a second delivery of the same decision issues nothing more and concludes nothing again
    jdbc.sql("update platform.event_publication set status = 'FAILED', completion_date = null where id = ?")
        .param(publicationId(number)).update();
    retry.resubmitFailed();
    Awaitility.await("the repeated publication").atMost(Duration.ofSeconds(15))
        .until(() -> "COMPLETED".equals(publicationStatus(number)));
    assertThat(licensesOf(number)).isOne();
    assertThat(JsonPath.<List<String>>read(detail(p, id), "$.timeline[*].status")).containsOnlyOnce("CONCLUDED");
  }

  String detail(Person p, String id) throws Exception {
    return mvc.perform(get("/api/v1/applications/" + id).with(p.auth())).andReturn().getResponse()
        .getContentAsString();
  }

  Optional<String> activeKey() {
    return jdbc.sql("select id from license.signing_key where owner = ? and active").param(ISSUER)
        .query(String.class).optional();
  }

  /** The issuer's active seal key becomes one whose sealed private key cannot be opened: signing throws. */
  String breakTheSeal() {
    byte[] garbage = new byte[64];
    new SecureRandom().nextBytes(garbage);
    String id = "SM2-UNREADABLE" + System.nanoTime();
    jdbc.sql("update license.signing_key set active = false where owner = ? and active").param(ISSUER).update();
    jdbc.sql("""
        insert into license.signing_key (id, purpose, algorithm, public_key, private_key, active, owner)
        values (?, 'license-seal', 'SM2/SM3', ?, ?, true, ?)""").params(id, garbage, garbage, ISSUER).update();
    return id;
  }

  void repairTheSeal(String broken, Optional<String> sealKey) {
    jdbc.sql("delete from license.signing_key where id = ?").param(broken).update();
    sealKey.ifPresent(k -> jdbc.sql("update license.signing_key set active = true where id = ?").param(k).update());
  }

  long licensesOf(String number) {
    return jdbc.sql("select count(*) from license.license where application_number = ?").param(number)
        .query(Long.class).single();
  }

  /** The registry's row of the case's LicenseGranted publication: its status, or NONE. */
  String publicationStatus(String number) {
    return publication(number,
        "coalesce(status, case when completion_date is null then 'PUBLISHED' else 'COMPLETED' end)", String.class)
        .orElse("NONE");
  }

  UUID publicationId(String number) {
    return publication(number, "id", UUID.class).orElseThrow();
  }

  <T> Optional<T> publication(String number, String column, Class<T> type) {
    return jdbc.sql("select " + column + " from platform.event_publication"
            + " where event_type like '%LicenseGranted' and serialized_event like ?")
        .param("%\"applicationNumber\":\"" + number + "\"%").query(type).optional();
  }
}
