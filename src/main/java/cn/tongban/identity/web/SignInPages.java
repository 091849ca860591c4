package cn.tongban.identity.web;

import cn.tongban.identity.TongbanUser;
import cn.tongban.identity.internal.Credentials;
import cn.tongban.identity.internal.OneTimeCodes;
import cn.tongban.identity.internal.SignOut;
import cn.tongban.platform.web.PlatformException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Signing in with an SMS code, resetting a password, and the account security page. */
@Controller
class SignInPages {
  private final OneTimeCodes codes;
  private final Credentials credentials;
  private final SignOut signOut;
  private final ApplicationEventPublisher events;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  private cn.tongban.audit.AuditTrail audit;

  @org.springframework.beans.factory.annotation.Autowired
  void setAudit(cn.tongban.audit.AuditTrail audit) {
    this.audit = audit;
  }

  SignInPages(OneTimeCodes codes, Credentials credentials, SignOut signOut, ApplicationEventPublisher events) {
    this.codes = codes;
    this.credentials = credentials;
    this.signOut = signOut;
    this.events = events;
  }

  @GetMapping("/login/code")
  String codeForm() {
    return "identity/login-code";
  }

  @PostMapping("/login/code/send")
  String sendLoginCode(@RequestParam String login, Model model) {
    codes.send(login, OneTimeCodes.Purpose.LOGIN);
    model.addAttribute("login", login);
    model.addAttribute("sent", true);
    return "identity/login-code";
  }

  @PostMapping("/login/code")
  String signInWithCode(@RequestParam String login, @RequestParam String code, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    TongbanUser user;
    try {
      user = credentials.byCode(login, code);
    } catch (PlatformException e) {
      model.addAttribute("login", login);
      model.addAttribute("sent", true);
      model.addAttribute("error", e.getMessage());
      response.setStatus(401);
      return "identity/login-code";
    }
    var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    request.getSession(true);
    request.changeSessionId(); // session fixation protection, as for the password form
    contexts.saveContext(context, request, response);
    events.publishEvent(new InteractiveAuthenticationSuccessEvent(auth, SignInPages.class));
    return "redirect:/home";
  }

  @GetMapping("/password/reset")
  String resetForm() {
    return "identity/password-reset";
  }

  @PostMapping("/password/reset/send")
  String sendResetCode(@RequestParam String login, Model model) {
    codes.send(login, OneTimeCodes.Purpose.RESET);
    model.addAttribute("login", login);
    model.addAttribute("sent", true);
    return "identity/password-reset";
  }

  @PostMapping("/password/reset")
  String reset(@RequestParam String login, @RequestParam String code, @RequestParam String password, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    try {
      credentials.resetPassword(login, code, password);
    } catch (PlatformException e) {
      model.addAttribute("login", login);
      model.addAttribute("sent", true);
      model.addAttribute("errors", e.fieldProblems().stream().collect(java.util.stream.Collectors.toMap(
          cn.tongban.platform.web.FieldProblem::field, cn.tongban.platform.web.FieldProblem::message, (a, b) -> a)));
      response.setStatus(422);
      return "identity/password-reset";
    }
    redirect.addAttribute("reset", "");
    return "redirect:/login";
  }

  /** Account security, and who at a service window opened the person's data (every read is recorded). */
  @GetMapping("/account")
  String account(@AuthenticationPrincipal TongbanUser user, org.springframework.ui.Model model) {
    model.addAttribute("reads", user == null ? java.util.List.of() : audit.forObject("account", user.accountId().toString())
        .stream().filter(r -> r.action().startsWith("assistance.")).toList());
    return "identity/account";
  }

  @PostMapping("/account/sign-out-everywhere")
  String everywhere(@AuthenticationPrincipal TongbanUser user, HttpServletRequest request) throws Exception {
    signOut.everywhere(user.accountId(), "用户选择退出所有设备");
    request.logout();
    return "redirect:/login?everywhere";
  }
}
