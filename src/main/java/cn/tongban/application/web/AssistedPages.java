package cn.tongban.application.web;

import cn.tongban.application.Application;
import cn.tongban.application.ApplicationIntake;
import cn.tongban.application.SharedData;
import cn.tongban.application.Submission;
import cn.tongban.application.internal.Prefill;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.identity.PersonDirectory;
import cn.tongban.identity.PersonProfile;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 帮办: a window clerk enters an application for a registered person who came to the window. The case belongs to
 * the person and is recorded as assisted, naming the clerk, through the WINDOW channel.
 */
@Controller
@Tag(name = "窗口帮办", description = "窗口工作人员为到场群众代为录入申请")
class AssistedPages {
  private final SharedData sharedData;
  private final Catalog catalog;
  private final PersonDirectory persons;
  private final ApplicationIntake intake;
  private final cn.tongban.application.internal.WindowAssistance assistance;

  AssistedPages(Catalog catalog, PersonDirectory persons, ApplicationIntake intake, SharedData sharedData,
      cn.tongban.application.internal.WindowAssistance assistance) {
    this.sharedData = sharedData;
    this.catalog = catalog;
    this.persons = persons;
    this.intake = intake;
    this.assistance = assistance;
  }

  record AssistedApplication(String citizenId, String itemCode, Map<String, String> formData) {}

  /** Serializable: it is a flash attribute, kept in the JDBC session across the redirect. */
  record Assisted(UUID id, String number, String queryCode, String applicantName, String channel, String assistedBy)
      implements java.io.Serializable {
    static Assisted of(Application a) {
      return new Assisted(a.id().value(), a.number(), a.queryCode(), a.applicantName(), a.channel(), a.acting().agentName());
    }
  }

  @GetMapping("/staff/assist")
  String start(@AuthenticationPrincipal TongbanUser clerk, Model model) {
    model.addAttribute("items", assistance.itemsFor(clerk));
    model.asMap().putIfAbsent("errors", Map.of());
    return "staff/assist";
  }

  /** Sends the applicant a verification code to their own mobile (htmx); the clerk sees the masked number only. */
  @PostMapping("/staff/assist/code")
  String sendCode(@AuthenticationPrincipal TongbanUser clerk,
      @RequestParam(name = "citizenId", required = false) String citizenId, Model model) {
    PersonProfile person = persons.findPersonByCitizenId(citizenId == null ? "" : citizenId.trim())
        .orElseThrow(() -> PlatformException.invalid("citizenId", "未找到该身份证号码的已注册用户"));
    model.addAttribute("codeSentTo", assistance.sendCode(clerk, person));
    return "staff/assist :: codeStatus";
  }

  /**
   * The application form for a person at the window. Only the clerk's department's items within the clerk's
   * region; the person's data (ID and mobile numbers, values from e-licenses and earlier applications) appear only
   * after the person is verified (ID card or SMS code); before that the form is empty but for masked numbers.
   * Every opening is recorded where the person sees it.
   */
  @GetMapping("/staff/assist/form")
  String form(@AuthenticationPrincipal TongbanUser clerk,
      @RequestParam(name = "citizenId", required = false) String citizenId,
      @RequestParam(name = "itemCode", required = false) String itemCode,
      @RequestParam(name = "cardChecked", required = false) boolean cardChecked,
      @RequestParam(name = "cardLast4", required = false) String cardLast4,
      @RequestParam(name = "smsCode", required = false) String smsCode, Model model, HttpServletResponse response) {
    ServiceItem item = catalog.publishedItem(itemCode == null ? "" : itemCode).filter(i -> assistance.serves(clerk, i))
        .orElse(null);
    PersonProfile person = persons.findPersonByCitizenId(citizenId).orElse(null);
    if (item == null || person == null) {
      model.addAttribute("errors", item == null ? Map.of("itemCode", "请选择本部门、本辖区办理的事项")
          : Map.of("citizenId", "未找到该身份证号码的已注册用户，请先协助群众实名注册"));
      model.addAttribute("citizenId", citizenId);
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return start(clerk, model);
    }
    var how = assistance.verify(person, cardChecked, cardLast4, smsCode);
    assistance.recordRead(clerk, person, item, how);
    if (how == cn.tongban.application.internal.WindowAssistance.Verification.NONE) {
      fill(model, item, person, Map.of(), Map.of(), Map.of(), UUID.randomUUID().toString());
      model.addAttribute("assistUnverified", true);
    } else {
      Prefill.Filled filled = Prefill.of(item.form(), sharedData.about(person));
      fill(model, item, person, filled.values(), filled.sources(), Map.of(), UUID.randomUUID().toString());
    }
    return "application/apply";
  }

  @PostMapping(path = "/staff/assist/{code}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String submit(@PathVariable String code, @AuthenticationPrincipal TongbanUser clerk,
      @RequestParam(name = "citizenId") String citizenId, @RequestParam(name = "token", required = false) String token,
      MultipartHttpServletRequest request, Model model, RedirectAttributes redirect, HttpServletResponse response)
      throws IOException {
    ServiceItem item = assistance.item(clerk, code);
    PersonProfile person = persons.findPersonByCitizenId(citizenId).orElseThrow(() -> PlatformException.notFound("申请人"));
    Map<String, String> values = ApplicantPages.fields(item, request.getParameterMap());
    try {
      Application app = intake.submitAssisted(new Submission(person.accountId(), code, values,
          ApplicantPages.uploads(request.getMultiFileMap()), token)
          .committing(ApplicantPages.commitments(request)), clerk.accountId());
      redirect.addFlashAttribute("assisted", Assisted.of(app));
      return "redirect:/staff/assist";
    } catch (PlatformException e) {
      if (e.fieldProblems().isEmpty()) {
        throw e;
      }
      fill(model, item, person, values, Map.of(), ApplicantPages.errorMap(e), token);
      model.addAttribute("formError", e.getMessage());
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return "application/apply";
    }
  }

  private static void fill(Model model, ServiceItem item, PersonProfile person, Map<String, String> values,
      Map<String, String> sources, Map<String, String> errors, String token) {
    model.addAttribute("item", item);
    model.addAttribute("values", values);
    model.addAttribute("sources", sources);
    model.addAttribute("errors", errors);
    model.addAttribute("token", token);
    model.addAttribute("formAction", "/staff/assist/");
    model.addAttribute("assistedPerson", person);
  }

  @PostMapping(path = "/api/v1/assisted-applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseBody
  @Operation(summary = "窗口帮办提交申请", description = "part “application” 为 JSON（citizenId, itemCode, formData），材料 part 名为 “material.<材料编码>”。办件记为帮办，渠道为窗口。")
  ResponseEntity<Assisted> submitApi(@AuthenticationPrincipal TongbanUser clerk,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestPart("application") AssistedApplication body, MultipartHttpServletRequest request) throws IOException {
    assistance.item(clerk, body.itemCode());
    PersonProfile person = persons.findPersonByCitizenId(body.citizenId())
        .orElseThrow(() -> PlatformException.invalid("citizenId", "未找到该身份证号码的已注册用户，请先协助群众实名注册"));
    Application app = intake.submitAssisted(new Submission(person.accountId(), body.itemCode(), body.formData(),
        ApplicantPages.uploads(request.getMultiFileMap()), key), clerk.accountId());
    return ResponseEntity.created(URI.create("/api/v1/assisted-applications/" + app.id())).body(Assisted.of(app));
  }
}
