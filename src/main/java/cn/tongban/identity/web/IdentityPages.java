package cn.tongban.identity.web;

import cn.tongban.identity.CitizenIdNumber;
import cn.tongban.identity.RegisterPerson;
import cn.tongban.identity.Registration;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Registration and sign-in pages. */
@Controller
class IdentityPages {
  private final Registration registration;

  IdentityPages(Registration registration) {
    this.registration = registration;
  }

  @GetMapping("/login")
  String login() {
    return "identity/login";
  }

  /** Where a sign-in lands: applicants on their cases, staff on their inbox. */
  @GetMapping("/home")
  String home() {
    return TongbanUser.current().map(u -> switch (u.kind()) {
      case PERSON -> "redirect:/my/applications";
      case STAFF -> "redirect:/staff/tasks";
      case ADMIN -> "redirect:/";
      case SUPERVISOR -> "redirect:/supervision/overdue";
    }).orElse("redirect:/login");
  }

  /** Checks an ID number as it is typed (htmx): the message beside the field, before anything is sent. */
  @GetMapping("/register/check-id")
  String checkId(@RequestParam(name = "citizenId", required = false) String citizenId,
      Model model) {
    String id = CitizenIdNumber.normalize(citizenId);
    model.addAttribute("message", id.isEmpty() ? null : CitizenIdNumber.problem(id).orElse("ok"));
    return "identity/register :: idCheck(message=${message})";
  }

  @GetMapping("/register")
  String registerForm(Model model) {
    model.addAttribute("form", new RegisterPerson("", "", "", ""));
    model.addAttribute("errors", Map.of());
    return "identity/register";
  }

  @PostMapping("/register")
  String register(@ModelAttribute("form") RegisterPerson form, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      registration.registerPerson(form);
    } catch (PlatformException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      for (FieldProblem p : e.fieldProblems()) {
        errors.putIfAbsent(p.field(), p.message());
      }
      model.addAttribute("form", new RegisterPerson(form.name(), form.citizenId(), form.mobile(), ""));
      model.addAttribute("errors", errors);
      model.addAttribute("formError", e.getMessage());
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return "identity/register";
    }
    redirect.addAttribute("registered", "");
    return "redirect:/login";
  }
}
