package cn.tongban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import cn.tongban.identity.RegisterPerson;
import cn.tongban.identity.Registration;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A citizen picks an address province → city → county → street on a phone, and the case shows it in full. */
@TongbanTest
class AddressPickerBrowserTest extends BrowserTestBase {
  @Autowired PopulationBase population;
  @Autowired Registration registration;

  @Test
  void theAddressIsPickedFromTheNationalDivisions() throws Exception {
    String id = TestIds.person(population, "居住测试");
    String mobile = TestIds.mobile();
    registration.registerPerson(new RegisterPerson("居住测试", id, mobile, "Citizen2026"));
    Path pdf = Files.createTempFile("lease", ".pdf");
    Files.write(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes());

    Page page = phone();
    login(page, mobile, "Citizen2026");
    page.navigate(url("/my/apply/330782-GA-QR-001"));
    page.selectOption("#f-residenceAddress-p", "33");
    page.locator("#f-residenceAddress-c option[value='3307']").waitFor(new Locator.WaitForOptions()
        .setState(WaitForSelectorState.ATTACHED));
    page.selectOption("#f-residenceAddress-c", "3307");
    page.locator("#f-residenceAddress-d option[value='330782']").waitFor(new Locator.WaitForOptions()
        .setState(WaitForSelectorState.ATTACHED));
    page.selectOption("#f-residenceAddress-d", "330782");
    page.locator("#f-residenceAddress option[value='330782001']").waitFor(new Locator.WaitForOptions()
        .setState(WaitForSelectorState.ATTACHED));
    page.selectOption("#f-residenceAddress", "330782001");
    page.fill("#f-residenceAddress-detail", "工人北路8号3幢201室");
    page.fill("#f-residentSince", "2025-01-01");
    page.selectOption("#f-residenceBasis", "合法稳定住所");
    page.setInputFiles("#m-residence", pdf);
    page.click("#apply-submit");
    assertThat(page.locator("#app-status")).hasText("已提交，待受理");
    assertThat(page.locator("body")).containsText("浙江省金华市义乌市稠城街道工人北路8号3幢201室");
  }
}
