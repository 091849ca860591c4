package cn.tongban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import cn.tongban.license.internal.IssueLicense;
import cn.tongban.license.internal.LicenseIssuer;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * On a phone-sized screen: the applicant chooses mail delivery, keeps licenses in the wallet, authorizes a
 * department (whose use then shows up), downloads the sealed document and verifies it — and a tampered copy fails.
 */
@TongbanTest
class LicenseBrowserTest extends BrowserTestBase {
  @Autowired MockMvc mvc;
  @Autowired PopulationBase population;
  @Autowired LicenseIssuer issuer;

  @Test
  void deliveryChoiceWalletAuthorizationAndVerificationByQrAndFile() throws Exception {
    String id = TestIds.person(population, "林小雨");
    String mobile = TestIds.mobile();
    mvc.perform(post("/api/v1/accounts/persons").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"林小雨\",\"citizenId\":\"" + id + "\",\"mobile\":\"" + mobile + "\",\"password\":\"Citizen2026\"}"))
        .andExpect(status().isCreated());
    Page citizen = phone();
    citizen.navigate(url("/login"));
    citizen.fill("#username", mobile);
    citizen.fill("#password", "Citizen2026");
    citizen.click("#login-submit");
    assertThat(citizen.locator("#current-user")).hasText("林小雨");

    // 1. delivery: mail needs an address; the case page shows the choice
    Path pdf = shots.resolve("premises.pdf");
    Files.write(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes());
    citizen.navigate(url("/my/apply/330782-SCJG-DJ-002"));
    citizen.fill("#f-shopName", "林小雨花店");
    citizen.fill("#f-businessAddress", "义乌市稠城街道花园路3号");
    citizen.fill("#f-businessScope", "鲜花零售");
    citizen.fill("#f-capital", "2");
    citizen.fill("#f-employees", "1");
    citizen.setInputFiles("#m-premises", pdf);
    citizen.check("#d-MAIL");
    citizen.click("#apply-submit");
    assertThat(citizen.locator("#deliveryAddress-err")).containsText("收件地址");
    citizen.setInputFiles("#m-premises", pdf);
    citizen.fill("#deliveryAddress", "义乌市稠城街道花园路3号 林小雨");
    citizen.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("apply-delivery.png")).setFullPage(true));
    citizen.click("#apply-submit");
    assertThat(citizen.locator("#submitted-notice")).isVisible();
    assertThat(citizen.locator("#app-delivery")).hasText("邮寄送达");
    assertThat(citizen.locator("#app-delivery-address")).containsText("花园路3号");
    String number = citizen.locator("#app-number").textContent().trim();

    // 2. the wallet lists the holder's license; the holder authorizes a department for one application
    String identifier = issuer.issue(new IssueLicense("11330782002500001M002", "营业执照", "林小雨", id,
        "11330782002500001M", "义乌市市场监督管理局", null,
        Map.of("shopName", "林小雨花店", "businessAddress", "义乌市稠城街道花园路3号", "businessScope", "鲜花零售"),
        number)).identifier();
    citizen.navigate(url("/my/licenses"));
    var item = citizen.locator(".license-item[data-identifier='" + identifier + "']");
    assertThat(item.locator(".license-status")).hasText("有效");
    item.locator("summary").click();
    item.locator("select[name=departmentCode]").selectOption("WJW");
    item.locator("input[name=applicationNumber]").fill(number);
    item.locator("input[name=purpose]").fill("卫生许可免交营业执照");
    item.locator("button[type=submit]").click();
    assertThat(citizen.locator("#flash")).containsText("已授权义乌市卫生健康局");
    mvc.perform(post("/api/v1/licenses/" + identifier + "/use").with(httpBasic("wjw01", "Tongban2026"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"applicationNumber\":\"" + number + "\"}"))
        .andExpect(status().isOk());
    mvc.perform(post("/api/v1/licenses/" + identifier + "/use").with(httpBasic("scjg01", "Tongban2026"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"applicationNumber\":\"" + number + "\"}"))
        .andExpect(status().isForbidden());
    citizen.reload();
    assertThat(citizen.locator("#authorizations")).containsText("义乌市卫生健康局");
    assertThat(citizen.locator("#uses li")).hasCount(2);
    assertThat(citizen.locator("#uses")).containsText("已调用");
    assertThat(citizen.locator("#uses")).containsText("已拒绝");
    citizen.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("wallet.png")).setFullPage(true));

    // 3. the sealed document downloads; anyone verifies it by file, and by the QR code's page
    byte[] document = citizen.request().get(url("/my/licenses/" + identifier + "/document")).body();
    assertThat(new String(document, 0, 5)).isEqualTo("%PDF-");
    Files.write(shots.resolve("license.pdf"), document);
    Page anyone = phone();
    anyone.navigate(url("/verify"));
    anyone.setInputFiles("#verify-file", new FilePayload("license.pdf", "application/pdf", document));
    anyone.click("#verify-file-submit");
    assertThat(anyone.locator("#verify-file-conclusion")).containsText("验证通过");
    assertThat(anyone.locator("#verify-status")).hasText("有效");
    assertThat(anyone.locator("#verify-qr")).isVisible();
    anyone.waitForFunction("() => { const i = document.querySelector('#verify-qr'); return i.complete && i.naturalWidth > 0; }");
    anyone.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("verify-file.png")).setFullPage(true));

    byte[] tampered = document.clone();
    tampered[tampered.length / 3] ^= 0x20;
    anyone.navigate(url("/verify"));
    anyone.setInputFiles("#verify-file", new FilePayload("license.pdf", "application/pdf", tampered));
    anyone.click("#verify-file-submit");
    assertThat(anyone.locator("#verify-file-conclusion")).containsText("验证失败");

    anyone.navigate(url("/verify/" + identifier));
    assertThat(anyone.locator("#verify-conclusion")).containsText("验证通过");

    // 4. the case page shows the applicant's electronic signature
    citizen.navigate(url("/my/applications"));
    citizen.locator("a.list-group-item", new Page.LocatorOptions().setHasText(number)).click();
    assertThat(citizen.locator("#signatures li")).hasCount(1);
    assertThat(citizen.locator("#signatures")).containsText("SM2 签名有效");
  }

  @Test
  void staffImportLegacyLicensesAndSeeProgressAndRejectedRows() {
    Page clerk = phone();
    clerk.navigate(url("/login"));
    clerk.fill("#username", "scjg01");
    clerk.fill("#password", "Tongban2026");
    clerk.click("#login-submit");
    clerk.navigate(url("/staff/licenses"));
    String good = TestIds.citizenId();
    String csv = "typeCode,holderName,holderId,issuedOn,validUntil,shopName,businessAddress,businessScope\n"
        + "11330782002500001M002,王五,"+ good + ",2018-06-01,,王五烟酒店,义乌市北苑街道1号,烟酒零售\n"
        + "11330782002500001M002,赵六,330782199001011230,2018-06-01,,赵六小吃,义乌市北苑街道2号,小吃\n"
        + "11330782002500001M002,钱七,91330782MA2ABCDE0X,2019-01-01,,,义乌市北苑街道3号,百货\n";
    clerk.setInputFiles("#import-file", new FilePayload("legacy.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    clerk.click("#import-submit");
    assertThat(clerk.locator("#import-status")).hasAttribute("data-status", "DONE");
    assertThat(clerk.locator("#import-status")).containsText("签发 1 本，拒绝 2 行");
    assertThat(clerk.locator("#rejections tbody tr")).hasCount(2);
    assertThat(clerk.locator("#rejections")).containsText("持证主体代码");
    clerk.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("staff-import.png")).setFullPage(true));
  }
}
