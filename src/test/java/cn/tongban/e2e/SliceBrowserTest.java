package cn.tongban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.Conclusions;
import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks the slice as people would, in headless Chromium on a phone-sized screen: a citizen registers and applies
 * with an upload, a clerk accepts, reviews and approves, the citizen sees the result and verifies the license.
 */
@TongbanTest
class SliceBrowserTest extends BrowserTestBase {
  @Autowired PopulationBase population;
  @Autowired JdbcClient jdbc;

  @Test
  void aCitizenAppliesStaffApprovesAndTheCitizenVerifiesTheLicense() throws Exception {
    String id = TestIds.person(population, "陈晓");
    String mobile = TestIds.mobile();
    Path pdf = shots.resolve("lease.pdf");
    Files.write(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes());

    // 1. register; an invalid ID number is refused beside the field
    Page citizen = phone();
    citizen.navigate(url("/register"));
    citizen.fill("#name", "陈晓");
    citizen.fill("#citizenId", id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0'));
    citizen.fill("#mobile", mobile);
    citizen.fill("#password", "Citizen2026");
    citizen.click("#register-submit");
    assertThat(citizen.locator("#citizenId-error")).containsText("校验位不正确");
    citizen.fill("#citizenId", id);
    citizen.fill("#password", "Citizen2026");
    citizen.click("#register-submit");
    assertThat(citizen.locator(".alert-success")).containsText("注册成功");

    // 2. log in, browse the catalog, open the guide, apply with an upload
    login(citizen, mobile, "Citizen2026");
    assertThat(citizen.locator("#current-user")).hasText("陈晓");
    citizen.navigate(url("/"));
    citizen.locator("a.item-link", new Page.LocatorOptions().setHasText("个体工商户设立登记")).click();
    assertThat(citizen.locator("#promised-days")).containsText("1");
    assertThat(citizen.locator("#materials")).containsText("经营场所使用证明");
    citizen.click("#apply-online");
    assertThat(citizen.locator("#f-applicantCitizenId")).hasValue(id); // pre-filled from the real-name data
    citizen.click("#apply-submit"); // nothing filled in: every error at once, beside its field
    assertThat(citizen.locator("#f-shopName-err")).hasText("请填写个体工商户名称");
    assertThat(citizen.locator("#m-premises-err")).containsText("请上传");
    citizen.fill("#f-shopName", "陈晓早餐店");
    citizen.fill("#f-businessAddress", "义乌市稠城街道工人北路8号");
    citizen.fill("#f-businessScope", "早餐、小吃");
    citizen.fill("#f-capital", "3");
    citizen.fill("#f-employees", "2");
    citizen.setInputFiles("#m-premises", pdf);
    citizen.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("apply.png")).setFullPage(true));
    citizen.click("#apply-submit");
    assertThat(citizen.locator("#submitted-notice")).isVisible();
    assertThat(citizen.locator("#app-status")).hasText("已提交，待受理");
    String number = citizen.locator("#app-number").textContent().trim();
    String queryCode = citizen.locator("#query-code").textContent().trim();

    // 3. the clerk of the department accepts, reviews, approves
    Page clerk = phone();
    login(clerk, "scjg01", "Tongban2026");
    for (String outcome : new String[] {"accept", "agree", "approve"}) {
      clerk.navigate(url("/staff/tasks"));
      clerk.locator("#inbox tr[data-number='" + number + "'] a.handle").click();
      clerk.check("#o-" + outcome);
      clerk.fill("#comment", "符合要求");
      clerk.click("#task-submit");
      assertThat(clerk.locator("#flash")).hasText("已办理完成。");
    }
    clerk.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("inbox.png")).setFullPage(true));
    Conclusions.awaitNumber(jdbc, number); // the case concludes once its license is issued

    // 4. the citizen sees the result and its timeline, and verifies the license
    citizen.navigate(url("/my/applications"));
    citizen.locator("a.list-group-item", new Page.LocatorOptions().setHasText(number)).click();
    assertThat(citizen.locator("#app-status")).hasText("已办结");
    assertThat(citizen.locator("#timeline li")).hasCount(5);
    citizen.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("concluded.png")).setFullPage(true));
    citizen.click("#license-link");
    assertThat(citizen.locator("#verify-conclusion")).containsText("验证通过");
    assertThat(citizen.locator("#verify-status")).hasText("有效");
    citizen.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("verify.png")).setFullPage(true));

    // 5. anyone can follow the case with its number and query code, without logging in
    Page anyone = phone();
    anyone.navigate(url("/progress"));
    anyone.fill("#number", number);
    anyone.fill("#queryCode", queryCode);
    anyone.click("#progress-submit");
    assertThat(anyone.locator("#progress-status")).hasText("已办结");
    assertThat(anyone.content()).doesNotContain(id);
  }
}
