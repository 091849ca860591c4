package cn.tongban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake in headless Chromium on a phone-sized screen: applying with pre-filled fields and their source, an upload
 * and a 容缺 commitment; the clerk marking every deficient item on the task page and the applicant answering the one
 * itemised notice; a window clerk entering an application for a person who came to the window.
 */
@TongbanTest
class IntakeBrowserTest extends BrowserTestBase {
  static final String ITEM = "330782-SCJG-DJ-002"; // 个体工商户设立登记: 经营场所证明 tolerable (容缺受理)
  @Autowired MockMvc mvc;
  @Autowired PopulationBase population;
  @Autowired JsonMapper json;
  Path pdf;

  @BeforeAll
  void start() throws Exception {
    pdf = shots.resolve("intake-lease.pdf");
    Files.write(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes());
  }

  /** A registered person (over the API), logged in in the browser; returns their ID number. */
  String citizen(Page page, String name) throws Exception {
    String id = TestIds.person(population, name);
    String mobile = TestIds.mobile();
    mvc.perform(post("/api/v1/accounts/persons").contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("name", name, "citizenId", id, "mobile", mobile,
            "password", "Secret123")))).andExpect(status().isCreated());
    if (page != null) {
      login(page, mobile, "Secret123");
      assertThat(page.locator("#current-user")).hasText(name);
    }
    return id;
  }

  void fillShop(Page page, String shop) {
    page.fill("#f-shopName", shop);
    page.fill("#f-businessAddress", "义乌市稠城街道工人北路8号");
    page.fill("#f-businessScope", "早餐、小吃");
    page.fill("#f-capital", "3");
    page.fill("#f-employees", "2");
  }

  @Test
  void theFormIsPrefilledWithItsSourcesAndAMissingTolerableMaterialIsCommittedTo() throws Exception {
    Page applicant = phone();
    String id = citizen(applicant, "周预填");
    applicant.navigate(url("/my/apply/" + ITEM));
    assertThat(applicant.locator("#f-applicantName")).hasValue("周预填");
    assertThat(applicant.locator("#f-applicantCitizenId")).hasValue(id);
    assertThat(applicant.locator("#f-applicantCitizenId + .tb-source")).containsText("来自实名认证信息");
    assertThat(applicant.locator("#f-contactPhone + .tb-source")).containsText("来自实名认证信息");
    assertThat(applicant.locator("#f-shopName + .tb-source")).hasCount(0);
    assertThat(applicant.locator("#m-idCard")).hasCount(0); // 免提交: never asked for
    fillShop(applicant, "周记早餐店");
    applicant.check("#c-premises"); // 容缺受理 instead of the lease
    applicant.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("apply-prefilled.png")).setFullPage(true));
    applicant.click("#apply-submit");
    assertThat(applicant.locator("#submitted-notice")).isVisible();
    assertThat(applicant.locator("#commitments")).containsText("经营场所使用证明");
    assertThat(applicant.locator("#materials")).containsText("身份证");

    // the next application of the same item is pre-filled from this one, naming it as the source
    String number = applicant.locator("#app-number").textContent().trim();
    applicant.navigate(url("/my/apply/" + ITEM));
    assertThat(applicant.locator("#f-shopName")).hasValue("周记早餐店");
    assertThat(applicant.locator("#f-shopName + .tb-source")).containsText("办件编号 " + number);
  }

  @Test
  void theClerkMarksEveryDeficientItemAndTheApplicantAnswersTheOneNotice() throws Exception {
    Page applicant = phone();
    citizen(applicant, "吴补正");
    applicant.navigate(url("/my/apply/" + ITEM));
    fillShop(applicant, "吴记面馆");
    applicant.setInputFiles("#m-premises", pdf);
    applicant.click("#apply-submit");
    assertThat(applicant.locator("#app-status")).hasText("已提交，待受理");
    String number = applicant.locator("#app-number").textContent().trim();
    String detail = applicant.url();

    // the clerk chooses 补正 and marks the lease and the business scope, each with its reason
    Page clerk = phone();
    login(clerk, "scjg01", "Tongban2026");
    clerk.locator("#inbox tr[data-number='" + number + "'] a.handle").click();
    assertThat(clerk.locator("#deficiency-marks")).containsText("经营场所使用证明");
    clerk.check("#o-supplement");
    clerk.click("#task-submit"); // nothing marked: refused
    assertThat(clerk.locator("#deficiencies-err")).containsText("请逐项标明");
    clerk.check("#o-supplement");
    clerk.check("#mark-materials-premises");
    clerk.fill("#reason-materials-premises", "租赁协议缺少出租方签字");
    clerk.check("#mark-businessScope");
    clerk.click("#task-submit"); // a mark without a reason: refused beside it, the marks kept
    assertThat(clerk.locator("#reason-businessScope")).hasClass(Pattern.compile("is-invalid"));
    assertThat(clerk.locator("#mark-materials-premises")).isChecked();
    assertThat(clerk.locator("#reason-materials-premises")).hasValue("租赁协议缺少出租方签字");
    clerk.check("#o-supplement");
    clerk.fill("#reason-businessScope", "请按经营范围规范表述填写");
    clerk.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("task-deficiencies.png")).setFullPage(true));
    clerk.click("#task-submit");
    assertThat(clerk.locator("#flash")).hasText("已办理完成。");

    // the applicant sees one notice listing both, with their reasons
    applicant.navigate(detail);
    assertThat(applicant.locator("#app-status")).hasText("待补正");
    assertThat(applicant.locator("#open-notice")).containsText("请一次性补正以下2项");
    assertThat(applicant.locator("#deficiency-list li")).hasCount(2);
    assertThat(applicant.locator("#deficiency-list li[data-target='materials.premises']"))
        .containsText("租赁协议缺少出租方签字");
    assertThat(applicant.locator("#deficiency-list li[data-target='businessScope']"))
        .containsText("请按经营范围规范表述填写");
    applicant.fill("#sf-businessScope", "热食类食品制售");
    applicant.click("#supplement-submit"); // the marked lease not sent again: refused
    assertThat(applicant.locator(".alert-danger")).isVisible();
    assertThat(applicant.locator(".alert-danger, .invalid-feedback").filter(new Locator.FilterOptions().setHasText("请重新上传")).first()).isVisible();
    applicant.fill("#sf-businessScope", "热食类食品制售");
    applicant.setInputFiles("#s-premises", pdf);
    applicant.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("supplement.png")).setFullPage(true));
    applicant.click("#supplement-submit");
    assertThat(applicant.locator("#app-status")).hasText("已提交，待受理");
    assertThat(applicant.locator("#timeline")).containsText("待补正");

    // back at the clerk's desk, with the corrected scope
    clerk.navigate(url("/staff/tasks"));
    clerk.locator("#inbox tr[data-number='" + number + "'] a.handle").click();
    assertThat(clerk.locator("main")).containsText("热食类食品制售");
  }

  @Test
  void aWindowClerkEntersAnApplicationForAPersonAndTheCaseIsRecordedAsAssisted() throws Exception {
    String id = citizen(null, "郑帮办");
    Page clerk = phone();
    login(clerk, "scjg01", "Tongban2026");
    clerk.navigate(url("/staff/assist"));
    clerk.fill("#citizenId", id);
    clerk.selectOption("#itemCode", new SelectOption().setValue(ITEM));
    clerk.check("#cardChecked"); // the ID card checked at the window: the form opens pre-filled
    clerk.fill("#cardLast4", id.substring(14));
    clerk.click("#assist-start");
    assertThat(clerk.locator("#assisted-person")).containsText("郑帮办");
    assertThat(clerk.locator("#f-applicantCitizenId")).hasValue(id); // the person's data, not the clerk's
    assertThat(clerk.locator("#f-applicantName + .tb-source")).containsText("来自实名认证信息");
    fillShop(clerk, "郑记裁缝铺");
    clerk.setInputFiles("#m-premises", pdf); // the scanned paper
    clerk.click("#apply-submit");
    assertThat(clerk.locator("#assisted-done")).containsText("郑帮办");
    String number = clerk.locator("#assisted-number").textContent().trim();

    clerk.navigate(url("/staff/tasks"));
    clerk.locator("#inbox tr[data-number='" + number + "'] a.handle").click();
    assertThat(clerk.locator("#task-channel")).hasText("窗口");
    assertThat(clerk.locator("#task-acting")).hasText("窗口工作人员王受理帮办");
    clerk.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("assisted-task.png")).setFullPage(true));
  }

  @Test
  void aDraftSavedOnThePhoneIsResumedOnAnotherDeviceAndDeleted() throws Exception {
    Page phone = phone();
    String id = TestIds.person(population, "钱草稿");
    String mobile = TestIds.mobile();
    mvc.perform(post("/api/v1/accounts/persons").contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("name", "钱草稿", "citizenId", id, "mobile", mobile,
            "password", "Secret123")))).andExpect(status().isCreated());
    login(phone, mobile, "Secret123");
    phone.navigate(url("/my/apply/" + ITEM));
    phone.fill("#f-shopName", "钱记糕点");
    phone.fill("#f-businessScope", "糕点零售");
    phone.check("#c-premises");
    phone.click("#draft-save");
    assertThat(phone.locator("#draft-status")).containsText("草稿已于");

    // another device, another session: the draft is listed and resumes where it was left
    Page desktop = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")).newPage();
    login(desktop, mobile, "Secret123");
    desktop.navigate(url("/my/applications"));
    assertThat(desktop.locator("#drafts li[data-item='" + ITEM + "']")).containsText("个体工商户设立登记");
    desktop.locator("#drafts li[data-item='" + ITEM + "'] a.draft-resume").click();
    assertThat(desktop.locator("#draft-resumed")).isVisible();
    assertThat(desktop.locator("#f-shopName")).hasValue("钱记糕点");
    assertThat(desktop.locator("#f-businessScope")).hasValue("糕点零售");
    assertThat(desktop.locator("#c-premises")).isChecked();
    assertThat(desktop.locator("#f-applicantCitizenId")).hasValue(id);
    assertThat(desktop.locator("#f-applicantCitizenId + .tb-source")).containsText("来自实名认证信息");
    desktop.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("draft-resumed.png")).setFullPage(true));
    desktop.click("#draft-delete");
    assertThat(desktop.locator("#drafts")).hasCount(0);
    desktop.navigate(url("/my/apply/" + ITEM));
    assertThat(desktop.locator("#draft-resumed")).hasCount(0);
    assertThat(desktop.locator("#f-shopName")).hasValue("");

    // a draft is gone once its application is submitted
    phone.navigate(url("/my/apply/" + ITEM));
    fillShop(phone, "钱记糕点");
    phone.click("#draft-save");
    assertThat(phone.locator("#draft-status")).containsText("草稿已于");
    phone.setInputFiles("#m-premises", pdf);
    phone.click("#apply-submit");
    assertThat(phone.locator("#submitted-notice")).isVisible();
    phone.navigate(url("/my/applications"));
    assertThat(phone.locator("#drafts")).hasCount(0);
  }
}
