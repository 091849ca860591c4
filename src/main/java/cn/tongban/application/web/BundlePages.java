package cn.tongban.application.web;

import cn.tongban.application.ApplicationIntake;
import cn.tongban.application.BundleReceipt;
import cn.tongban.application.BundleSubmission;
import cn.tongban.application.SharedData;
import cn.tongban.application.internal.Prefill;
import cn.tongban.catalog.BundleService;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.FormField;
import cn.tongban.identity.PersonDirectory;
import cn.tongban.identity.PersonProfile;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The applicant's 一件事 pages: one combined form, one set of materials, one submission. */
@Controller
class BundlePages {
  private final SharedData sharedData;
  private final Catalog catalog;
  private final PersonDirectory persons;
  private final ApplicationIntake intake;

  BundlePages(Catalog catalog, PersonDirectory persons, ApplicationIntake intake, SharedData sharedData) {
    this.sharedData = sharedData;
    this.catalog = catalog;
    this.persons = persons;
    this.intake = intake;
  }

  @GetMapping("/my/bundles/{code}/apply")
  String form(@PathVariable String code, @AuthenticationPrincipal TongbanUser user, Model model) {
    BundleService bundle = bundle(code);
    PersonProfile person = persons.findPerson(user.id()).orElseThrow(() -> PlatformException.notFound("申请人"));
    Prefill.Filled filled = Prefill.of(bundle.form(), sharedData.about(person));
    model.addAttribute("service", bundle);
    model.addAttribute("values", filled.values());
    model.addAttribute("sources", filled.sources());
    model.addAttribute("errors", Map.of());
    model.addAttribute("token", UUID.randomUUID().toString());
    return "application/bundle-apply";
  }

  @PostMapping(path = "/my/bundles/{code}/apply", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String apply(@PathVariable String code, @AuthenticationPrincipal TongbanUser user,
      MultipartHttpServletRequest request, @RequestParam(name = "token", required = false) String token, Model model,
      HttpServletResponse response) throws IOException {
    BundleService bundle = bundle(code);
    Map<String, String> values = ApplicantPages.fields(bundle.form(), request.getParameterMap());
    try {
      BundleReceipt receipt = intake.submitBundle(new BundleSubmission(user.id(), code, values,
          ApplicantPages.uploads(request.getMultiFileMap()), token));
      model.addAttribute("service", bundle);
      model.addAttribute("receipt", receipt);
      return "application/bundle-submitted";
    } catch (PlatformException e) {
      if (e.fieldProblems().isEmpty()) {
        throw e;
      }
      PersonProfile person = persons.findPerson(user.id()).orElseThrow();
      model.addAttribute("service", bundle);
      model.addAttribute("values", values);
      model.addAttribute("sources", Prefill.of(bundle.form(), sharedData.about(person)).sources());
      model.addAttribute("errors", ApplicantPages.errorMap(e));
      model.addAttribute("formError", e.getMessage());
      model.addAttribute("token", token);
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return "application/bundle-apply";
    }
  }

  private BundleService bundle(String code) {
    return catalog.bundle(code).orElseThrow(() -> PlatformException.notFound("一件事"));
  }
}
