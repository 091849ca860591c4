package cn.tongban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The catalog, search, guide and bundle pages in headless Chromium on a phone-sized screen. */
@TongbanTest
class CatalogBrowserTest extends BrowserTestBase {
  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired PopulationBase population;

  Page phone() {
    var ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("zh-CN"));
    ctx.setDefaultTimeout(15_000);
    return ctx.newPage();
  }

  @Test
  void findAServiceReadItsGuideForMySituationAndGetThePdf() {
    Page page = phone();
    page.navigate(url("/"));
    assertThat(page.locator("#person-events")).containsText("出生");
    assertThat(page.locator("#enterprise-events")).containsText("开办");
    page.fill("#q", "开餐馆");
    page.click("#search-submit");
    assertThat(page.locator(".search-hit").first()).containsText("食品经营许可");
    page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("search.png")).setFullPage(true));
    page.locator(".search-hit a.item-link").first().click();
    assertThat(page.locator("h1")).hasText("食品经营许可（新办）");
    assertThat(page.locator("#promised-days")).containsText("5");
    assertThat(page.locator("#statutory-days")).containsText("10");
    assertThat(page.locator("#materials")).containsText("餐饮服务场所专间"); // unanswered: all that may apply
    page.locator("label", new Page.LocatorOptions().setHasText("食品销售经营者")).click(); // htmx swaps the list
    assertThat(page.locator("#materials")).not().containsText("餐饮服务场所专间");
    page.locator("label", new Page.LocatorOptions().setHasText("餐饮服务经营者")).click();
    assertThat(page.locator("#materials")).containsText("餐饮服务场所专间");
    assertThat(page.locator("#clauses")).containsText("专门的食品安全管理人员");
    page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("guide.png")).setFullPage(true));
    APIResponse pdf = page.request().get(url(page.locator("#guide-pdf").getAttribute("href")));
    assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
    assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    page.click("#history-link");
    assertThat(page.locator("#versions li").first()).containsText("现行版本");
    assertThat(page.locator("#apply-online")).hasCount(0);

    // browse: a life event, a tag and the 最多跑一次 list
    page.navigate(url("/"));
    page.locator("#person-events a", new Page.LocatorOptions().setHasText("出生")).click();
    assertThat(page.locator("#list-title")).containsText("出生");
    assertThat(page.locator("#item-list")).containsText("出生医学证明");
    assertThat(page.locator("a.bundle-link")).containsText("新生儿出生一件事");
    page.navigate(url("/"));
    page.click("#one-visit-list");
    assertThat(page.locator("#list-title")).containsText("最多跑一次");
    assertThat(page.locator("#item-list")).containsText("结婚登记");
  }

  @Test
  void applyForABundleWithOneFormAndOneSetOfMaterials() throws Exception {
    String id = TestIds.person(population, "周一件");
    String mobile = TestIds.mobile();
    mvc.perform(post("/api/v1/accounts/persons").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("name", "周一件", "citizenId", id, "mobile", mobile,
                "password", "Citizen2026"))))
        .andExpect(status().isCreated());
    Path pdf = shots.resolve("bundle.pdf");
    Files.write(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes());

    Page page = phone();
    page.navigate(url("/login"));
    page.fill("#username", mobile);
    page.fill("#password", "Citizen2026");
    page.click("#login-submit");
    page.navigate(url("/"));
    page.locator("a.bundle-link", new Page.LocatorOptions().setHasText("开办餐饮店一件事")).click();
    assertThat(page.locator("#bundle-code")).hasText("330782-YJS-002");
    assertThat(page.locator("#bundle-members li")).hasCount(2);
    assertThat(page.locator("#bundle-savings")).containsText("只填一次");
    page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("bundle.png")).setFullPage(true));
    page.click("#apply-bundle");
    assertThat(page.locator("#f-applicantCitizenId")).hasValue(id);
    assertThat(page.locator("#f-businessAddress")).hasCount(1); // asked once for both items
    page.fill("#f-shopName", "周记面馆");
    page.fill("#f-businessAddress", "义乌市稠城街道工人北路9号");
    page.fill("#f-businessScope", "面食制售");
    page.fill("#f-capital", "5");
    page.fill("#f-employees", "3");
    page.fill("#f-operatorName", "周记面馆");
    page.selectOption("#f-businessFormat", "餐饮服务经营者");
    page.fill("#f-floorArea", "60");
    page.setInputFiles("#m-premises", pdf);
    page.setInputFiles("#m-layout", pdf);
    page.click("#bundle-submit"); // the kitchen plan is missing: refused beside the field, nothing created
    assertThat(page.locator("#m-kitchenPlan-err")).containsText("请上传");
    page.setInputFiles("#m-premises", pdf);
    page.setInputFiles("#m-layout", pdf);
    page.setInputFiles("#m-kitchenPlan", pdf);
    page.click("#bundle-submit");
    assertThat(page.locator("#bundle-submitted")).isVisible();
    assertThat(page.locator(".bundle-app-number")).hasCount(2);
    page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("bundle-submitted.png")).setFullPage(true));
  }
}
