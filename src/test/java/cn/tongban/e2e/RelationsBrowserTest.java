package cn.tongban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.application.ApplicationIntake;
import cn.tongban.application.Submission;
import cn.tongban.application.Upload;
import cn.tongban.identity.AccountId;
import cn.tongban.identity.CreditCode;
import cn.tongban.identity.EnterpriseBase;
import cn.tongban.identity.PartyType;
import cn.tongban.identity.PopulationBase;
import cn.tongban.identity.RegisterPerson;
import cn.tongban.identity.Registration;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The relation pages in headless Chromium on a phone: enterprise binding, a guardian's view, delegation. */
@TongbanTest
class RelationsBrowserTest extends BrowserTestBase {
  static final String PASSWORD = "Citizen2026";
  static final String ITEM = "330782-SCJG-DJ-002";

  @Autowired PopulationBase population;
  @Autowired EnterpriseBase enterpriseBase;
  @Autowired Registration registration;
  @Autowired ApplicationIntake intake;

  record Person(String name, String citizenId, UUID id) {}

  Person person(String name) {
    String cid = TestIds.person(population, name);
    return new Person(name, cid, registration.registerPerson(new RegisterPerson(name, cid, TestIds.mobile(), PASSWORD)));
  }

  Page signedIn(Person p) {
    BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("zh-CN"));
    ctx.setDefaultTimeout(15_000);
    Page page = ctx.newPage();
    page.navigate("http://localhost:" + port + "/login");
    page.fill("#username", p.citizenId());
    page.fill("#password", PASSWORD);
    page.click("#login-submit");
    assertThat(page.locator("#current-user")).hasText(p.name());
    return page;
  }

  @Test
  void theLegalRepresentativeBindsTheEnterpriseAndAuthorizesAnEmployee() {
    Person rep = person("沈法人");
    Person employee = person("韩经办");
    String body = "91330782MA" + String.format("%07d", Math.abs(rep.citizenId().hashCode()) % 10_000_000);
    String code = body + CreditCode.checkCharacter(body);
    enterpriseBase.addEnterprise(code, "义乌市沈氏文具有限公司", "沈法人", rep.citizenId());

    Page page = signedIn(rep);
    page.navigate(url("/my/enterprises"));
    page.fill("#creditCode", code.substring(0, 17) + (code.charAt(17) == '1' ? '2' : '1'));
    page.click("#bind-submit");
    assertThat(page.locator("#creditCode-error")).containsText("校验位不正确");
    page.fill("#creditCode", code);
    page.click("#bind-submit");
    assertThat(page.locator("#enterprise-name")).hasText("义乌市沈氏文具有限公司");
    assertThat(page.locator("#enterprise-code")).hasText(code);

    page.fill("#agentName", "韩经办");
    page.fill("#agentCitizenId", employee.citizenId());
    page.fill("#itemCode", ITEM);
    page.click("#grant-submit");
    assertThat(page.locator("#flash")).containsText("已授权经办人韩经办");
    assertThat(page.locator(".mandate[data-agent='韩经办'] .mandate-status")).hasText("有效");
    page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("enterprise.png")).setFullPage(true));
    page.locator(".mandate[data-agent='韩经办'] button.revoke").click();
    assertThat(page.locator(".mandate[data-agent='韩经办'] .mandate-status")).hasText("已撤销");
  }

  @Test
  void aGuardianRegistersAMinorAndSeesTheMinorsApplications() {
    Person guardian = person("杨家长");
    String minorCid = TestIds.person(population, "杨小朵", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(9));

    Page page = signedIn(guardian);
    page.navigate(url("/my/minors"));
    page.fill("#name", "杨小朵");
    page.fill("#citizenId", minorCid);
    page.fill("#mobile", TestIds.mobile());
    page.click("#minor-submit"); // no relation chosen: told beside the field
    assertThat(page.locator("#relation-error")).hasText("请选择与未成年人的关系");
    page.selectOption("#relation", "FATHER");
    page.click("#minor-submit");
    assertThat(page.locator("#flash")).containsText("已为杨小朵注册账号");
    assertThat(page.locator(".minor[data-name='杨小朵']")).containsText("父亲");

    // an application the guardian made for the minor shows under the minor, saying who applied
    UUID minorId = UUID.fromString(page.locator(".minor-applications").getAttribute("href").replaceAll(".*PERSON:", ""));
    intake.submit(new Submission(AccountId.of(guardian.id()), ITEM, Map.of("applicantName", "杨小朵", "applicantCitizenId", minorCid,
        "contactPhone", TestIds.mobile(), "shopName", "小朵文具", "businessAddress", "义乌市稠城街道测试路3号",
        "businessScope", "文具零售", "capital", "1", "employees", "1"),
        List.of(new Upload("premises", "租赁协议.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes())),
        null, PartyType.PERSON, minorId));
    page.click(".minor-applications");
    assertThat(page.locator("#party-name")).containsText("杨小朵");
    assertThat(page.locator(".acting-label")).hasText("监护人杨家长代办");
    page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("guardian.png")).setFullPage(true));
    page.locator("a.list-group-item-action").first().click();
    assertThat(page.locator("#app-acting")).hasText("监护人杨家长代办");
    assertThat(page.locator("#app-party")).hasText("杨小朵");
  }

  @Test
  void aPersonDelegatesAnItemAndRevokesIt() {
    Person principal = person("秦委托");
    Person agent = person("尤受托");

    Page page = signedIn(principal);
    page.navigate(url("/my/delegations"));
    page.fill("#agentName", "尤受托");
    page.fill("#agentCitizenId", agent.citizenId());
    page.click("#delegate-submit"); // all items without an end date
    assertThat(page.locator("#validUntil-error")).containsText("截止日期");
    page.fill("#itemCode", ITEM);
    page.click("#delegate-submit");
    assertThat(page.locator("#flash")).containsText("已委托尤受托");
    assertThat(page.locator("#given .mandate[data-agent='尤受托'] .mandate-status")).hasText("有效");

    Page agentPage = signedIn(agent);
    agentPage.navigate(url("/my/delegations"));
    assertThat(agentPage.locator("#held")).containsText("秦委托");
    agentPage.navigate(url("/my/apply/" + ITEM));
    assertThat(agentPage.locator("#on-behalf .for-party")).containsText("秦委托（委托代办）");
    agentPage.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("delegation-apply.png")).setFullPage(true));

    page.locator("#given .mandate[data-agent='尤受托'] button.revoke").click();
    assertThat(page.locator("#flash")).containsText("委托已撤销");
    assertThat(page.locator("#given .mandate[data-agent='尤受托'] .mandate-status")).hasText("已撤销");
    agentPage.navigate(url("/my/apply/" + ITEM));
    assertThat(agentPage.locator("#on-behalf")).hasCount(0);
  }
}
