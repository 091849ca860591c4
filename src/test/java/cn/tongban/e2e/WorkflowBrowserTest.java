package cn.tongban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tongban.TestIds;
import cn.tongban.TongbanTest;
import cn.tongban.identity.PopulationBase;
import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff desk and the public progress in headless Chromium on a phone-sized screen: the inbox shows the post,
 * a clerk claims and accepts, pauses the clock for a special procedure and resumes it, transfers the review to
 * the colleague, and anyone sees the current step by post and the deadlines; the supervisor sees the overdue list.
 */
@TongbanTest
class WorkflowBrowserTest extends BrowserTestBase {
  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();
  @Autowired MockMvc mvc;
  @Autowired PopulationBase population;
  @Autowired JsonMapper json;

  void login(Page page, String username) {
    page.navigate(url("/login"));
    page.fill("#username", username);
    page.fill("#password", "Tongban2026");
    page.click("#login-submit");
  }

  /** A citizen's application, made over the API (the browser part of applying is in SliceBrowserTest). */
  String[] apply() throws Exception {
    String id = TestIds.person(population, "林测试");
    String mobile = TestIds.mobile();
    mvc.perform(post("/api/v1/accounts/persons").contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("name", "林测试", "citizenId", id, "mobile", mobile,
            "password", "Secret123")))).andExpect(status().isCreated());
    Map<String, String> form = Map.of("applicantName", "林测试", "applicantCitizenId", id, "contactPhone", mobile,
        "shopName", "林记面馆", "businessAddress", "义乌市稠城街道测试路2号", "businessScope", "面食",
        "capital", "5", "employees", "2");
    String body = mvc.perform(multipart("/api/v1/applications")
            .file(new MockMultipartFile("application", "", "application/json",
                json.writeValueAsBytes(Map.of("itemCode", "330782-SCJG-DJ-002", "formData", form))))
            .file(new MockMultipartFile("material.premises", "租赁协议.pdf", "application/pdf", PDF))
            .with(httpBasic(id, "Secret123")))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return new String[] {JsonPath.read(body, "$.number"), JsonPath.read(body, "$.queryCode")};
  }

  @Test
  void staffClaimPauseResumeAndTransferWhileAnyoneFollowsTheProgress() throws Exception {
    String[] c = apply();
    String number = c[0];

    // the A岗 of 窗口受理岗 sees the case in the inbox, with the post, claims it and accepts
    Page clerk = phone();
    login(clerk, "scjg01");
    assertThat(clerk.locator("#inbox tr[data-number='" + number + "']")).containsText("窗口受理岗");
    clerk.locator("#inbox tr[data-number='" + number + "'] a.handle").click();
    assertThat(clerk.locator("#task-assignee")).hasText("未签收");
    assertThat(clerk.locator("#deadline-none")).isVisible();
    clerk.click("#task-claim");
    assertThat(clerk.locator("#flash")).hasText("已签收。");
    assertThat(clerk.locator("#task-assignee")).hasText("王受理");
    clerk.check("#o-accept");
    clerk.click("#task-submit");
    assertThat(clerk.locator("#flash")).hasText("已办理完成。");

    // 审查: the clock runs (the inbox shows the promised day and its light); a site inspection pauses it, and it resumes
    assertThat(clerk.locator("#inbox tr[data-number='" + number + "'] .deadline")).not().containsText("受理后计时");
    assertThat(clerk.locator("#inbox tr[data-number='" + number + "'] .deadline .badge")).isVisible();
    clerk.locator("#inbox tr[data-number='" + number + "'] a.handle").click();
    assertThat(clerk.locator("#promised-due")).hasText(Pattern.compile("\\d{4}-\\d{2}-\\d{2}|—"));
    clerk.selectOption("#pause-kind", new SelectOption().setLabel("现场勘查"));
    clerk.fill("#pause-reason", "经营场所现场核查");
    clerk.click("#clock-pause");
    assertThat(clerk.locator("#flash")).hasText("已进入特别程序，计时暂停。");
    assertThat(clerk.locator("#deadline-state")).hasText("特别程序中，计时暂停");
    assertThat(clerk.locator("#clock-pauses")).containsText("现场勘查");
    clerk.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("task-paused.png")).setFullPage(true));

    // anyone with the number and query code sees the step by post (no names) and the paused clock
    Page anyone = phone();
    anyone.navigate(url("/progress"));
    anyone.fill("#number", number);
    anyone.fill("#queryCode", c[1]);
    anyone.click("#progress-submit");
    assertThat(anyone.locator("#progress-step")).hasText("审查（义乌市市场监督管理局 · 审查岗）");
    assertThat(anyone.locator("#deadline-state")).hasText("特别程序中，计时暂停");
    assertThat(anyone.locator("#clock-pauses")).containsText("经营场所现场核查");
    assertThat(anyone.locator("#progress-result")).not().containsText("王受理");
    anyone.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("progress-deadlines.png")).setFullPage(true));

    clerk.click("#clock-resume");
    assertThat(clerk.locator("#flash")).hasText("特别程序已结束，恢复计时。");
    assertThat(clerk.locator("#deadline-state")).not().hasText("特别程序中，计时暂停");

    // the review goes to the colleague, with a reason; it is then in their inbox, claimed for them
    clerk.selectOption("#transfer-to", new SelectOption().setLabel("孙受理（窗口受理岗（B岗））"));
    clerk.fill("#transfer-reason", "本人外出培训");
    clerk.click("#task-transfer");
    assertThat(clerk.locator("#flash")).hasText("已转办。");
    assertThat(clerk.locator("#inbox tr[data-number='" + number + "']")).hasCount(0);
    Page colleague = phone();
    login(colleague, "scjg02");
    assertThat(colleague.locator("#inbox tr[data-number='" + number + "'] .claimed")).hasText("已签收");
    colleague.locator("#inbox tr[data-number='" + number + "'] a.handle").click();
    colleague.check("#o-agree");
    colleague.click("#task-submit");
    assertThat(colleague.locator("#flash")).hasText("已办理完成。");

    anyone.navigate(url("/progress?number=" + number + "&queryCode=" + c[1]));
    assertThat(anyone.locator("#progress-step")).containsText("决定");

    // the supervisor lands on the overdue list (read-only)
    Page supervisor = phone();
    login(supervisor, "jdy01");
    assertThat(supervisor.locator("h1")).hasText("超期办件督办");
  }
}
