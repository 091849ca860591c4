package cn.tongban.identity.web;

import cn.tongban.identity.Enterprise;
import cn.tongban.identity.Enterprises;
import cn.tongban.identity.PartyType;
import cn.tongban.identity.Representation;
import cn.tongban.identity.TongbanUser;
import cn.tongban.identity.internal.Delegations;
import cn.tongban.identity.internal.Guardians;
import cn.tongban.identity.internal.IdentityVerification;
import cn.tongban.identity.internal.MinorHandover;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of relations: enterprise registration and employee authorization, delegation (委托代办), a guardian's
 * view of a minor's account, the account handover at 18, and identity verification with face consent or SMS.
 */
@Controller
class RelationPages {
  private final Enterprises enterprises;
  private final Delegations delegations;
  private final Guardians guardians;
  private final MinorHandover handover;
  private final IdentityVerification verification;

  RelationPages(Enterprises enterprises, Delegations delegations, Guardians guardians, MinorHandover handover,
      IdentityVerification verification) {
    this.enterprises = enterprises;
    this.delegations = delegations;
    this.guardians = guardians;
    this.handover = handover;
    this.verification = verification;
  }

  // --- enterprises

  @GetMapping("/my/enterprises")
  String enterprises(@AuthenticationPrincipal TongbanUser user, Model model) {
    model.addAttribute("enterprises", enterprises.ofLegalRep(user.accountId()));
    model.addAttribute("held", delegations.heldBy(user.accountId()).stream()
        .filter(m -> m.principalType() == PartyType.ENTERPRISE).toList());
    model.asMap().putIfAbsent("errors", Map.of());
    return "identity/enterprises";
  }

  @PostMapping("/my/enterprises")
  String bind(@AuthenticationPrincipal TongbanUser user, @RequestParam(name = "creditCode", required = false) String code,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    return attempt(() -> {
      Enterprise e = enterprises.bind(user.accountId(), code);
      redirect.addFlashAttribute("message", "企业“" + e.name() + "”注册绑定成功。");
      return "redirect:/my/enterprises/" + e.id();
    }, model, response, () -> {
      model.addAttribute("creditCode", code);
      return enterprises(user, model);
    });
  }

  @GetMapping("/my/enterprises/{id}")
  String enterprise(@PathVariable UUID id, @AuthenticationPrincipal TongbanUser user, Model model) {
    model.addAttribute("enterprise", delegations.ownEnterprise(user.accountId(), id));
    model.addAttribute("mandates", delegations.ofEnterprise(user.accountId(), id));
    model.addAttribute("today", Representation.today());
    model.asMap().putIfAbsent("errors", Map.of());
    return "identity/enterprise";
  }

  @PostMapping("/my/enterprises/{id}/agents")
  String authorize(@PathVariable UUID id, @AuthenticationPrincipal TongbanUser user, Delegations.Grant grant,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    return attempt(() -> {
      delegations.grantForEnterprise(user.accountId(), id, grant);
      redirect.addFlashAttribute("message", "已授权经办人" + grant.agentName().trim() + "。");
      return "redirect:/my/enterprises/" + id;
    }, model, response, () -> {
      model.addAttribute("grant", grant);
      return enterprise(id, user, model);
    });
  }

  @PostMapping("/my/enterprises/{id}/agents/{mandateId}/revoke")
  String revokeAgent(@PathVariable UUID id, @PathVariable UUID mandateId, @AuthenticationPrincipal TongbanUser user,
      RedirectAttributes redirect) {
    delegations.revokeForEnterprise(user.accountId(), id, mandateId);
    redirect.addFlashAttribute("message", "授权已撤销，立即生效。");
    return "redirect:/my/enterprises/" + id;
  }

  // --- delegations

  @GetMapping("/my/delegations")
  String delegationsPage(@AuthenticationPrincipal TongbanUser user, Model model) {
    model.addAttribute("given", delegations.givenBy(user.accountId()));
    model.addAttribute("held", delegations.heldBy(user.accountId()).stream()
        .filter(m -> m.principalType() == PartyType.PERSON).toList());
    model.addAttribute("today", Representation.today());
    model.asMap().putIfAbsent("errors", Map.of());
    return "identity/delegations";
  }

  @PostMapping("/my/delegations")
  String delegate(@AuthenticationPrincipal TongbanUser user, Delegations.Grant grant, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    return attempt(() -> {
      delegations.grantForPerson(user.accountId(), grant);
      redirect.addFlashAttribute("message", "已委托" + grant.agentName().trim() + "代为办理。");
      return "redirect:/my/delegations";
    }, model, response, () -> {
      model.addAttribute("grant", grant);
      return delegationsPage(user, model);
    });
  }

  @PostMapping("/my/delegations/{id}/revoke")
  String revoke(@PathVariable UUID id, @AuthenticationPrincipal TongbanUser user, RedirectAttributes redirect) {
    delegations.revokeForPerson(user.accountId(), id);
    redirect.addFlashAttribute("message", "委托已撤销，立即生效。");
    return "redirect:/my/delegations";
  }

  // --- guardians and minors

  @GetMapping("/my/minors")
  String minors(@AuthenticationPrincipal TongbanUser user, Model model) {
    model.addAttribute("guardianships", guardians.of(user.accountId()));
    model.asMap().putIfAbsent("errors", Map.of());
    return "identity/minors";
  }

  @PostMapping("/my/minors")
  String registerMinor(@AuthenticationPrincipal TongbanUser user, Guardians.RegisterMinor minor, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    return attempt(() -> {
      guardians.registerMinor(user.accountId(), minor);
      redirect.addFlashAttribute("message", "已为" + minor.name().trim() + "注册账号，由您代为管理至其年满18周岁。");
      return "redirect:/my/minors";
    }, model, response, () -> {
      model.addAttribute("minor", minor);
      return minors(user, model);
    });
  }

  // --- handover at 18 (public: the account has no password yet)

  @GetMapping("/handover")
  String handoverForm(Model model) {
    model.asMap().putIfAbsent("errors", Map.of());
    return "identity/handover";
  }

  @PostMapping("/handover")
  String completeHandover(@RequestParam(name = "citizenId", required = false) String citizenId,
      @RequestParam(name = "code", required = false) String code,
      @RequestParam(name = "password", required = false) String password, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    return attempt(() -> {
      handover.complete(citizenId, code, password);
      redirect.addAttribute("handedOver", "");
      return "redirect:/login";
    }, model, response, () -> {
      model.addAttribute("citizenId", citizenId);
      return handoverForm(model);
    });
  }

  // --- identity verification: face with separate consent, or SMS code

  @GetMapping("/my/identity-verification")
  String verificationPage(@AuthenticationPrincipal TongbanUser user, Model model) {
    model.addAttribute("consent", verification.activeConsent(user.accountId()).orElse(null));
    model.addAttribute("consents", verification.consents(user.accountId()));
    model.addAttribute("purpose", IdentityVerification.FACE_PURPOSE);
    model.addAttribute("faceAvailable", verification.faceAvailable());
    model.asMap().putIfAbsent("errors", Map.of());
    return "identity/verification";
  }

  @PostMapping("/my/identity-verification/consent")
  String consent(@AuthenticationPrincipal TongbanUser user, RedirectAttributes redirect) {
    verification.consent(user.accountId());
    redirect.addFlashAttribute("message", "已记录您对人脸识别的单独同意，可随时撤回。");
    return "redirect:/my/identity-verification";
  }

  @PostMapping("/my/identity-verification/consent/withdraw")
  String withdrawConsent(@AuthenticationPrincipal TongbanUser user, RedirectAttributes redirect) {
    verification.withdraw(user.accountId());
    redirect.addFlashAttribute("message", "已撤回人脸识别同意。");
    return "redirect:/my/identity-verification";
  }

  @PostMapping("/my/identity-verification/face")
  String face(@AuthenticationPrincipal TongbanUser user, RedirectAttributes redirect) {
    try {
      boolean ok = verification.verifyFace(user.accountId(), new byte[0]);
      redirect.addFlashAttribute("message", ok ? "人脸核验通过。" : "人脸核验未通过，请改用短信验证码。");
    } catch (PlatformException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/my/identity-verification";
  }

  @PostMapping("/my/identity-verification/sms")
  String sendSms(@AuthenticationPrincipal TongbanUser user, RedirectAttributes redirect) {
    redirect.addFlashAttribute("message", "验证码已发送至 " + verification.sendSmsCode(user.accountId()) + "，5分钟内有效。");
    redirect.addFlashAttribute("smsSent", true);
    return "redirect:/my/identity-verification";
  }

  @PostMapping("/my/identity-verification/sms/check")
  String checkSms(@AuthenticationPrincipal TongbanUser user, @RequestParam(name = "code", required = false) String code,
      RedirectAttributes redirect) {
    if (verification.verifySmsCode(user.accountId(), code)) {
      redirect.addFlashAttribute("message", "身份核验通过（短信验证码）。");
    } else {
      redirect.addFlashAttribute("problem", "验证码不正确或已失效，请重新获取。");
    }
    return "redirect:/my/identity-verification";
  }

  /** Runs a form action; on field problems shows the form again with each message beside its field (422). */
  private static String attempt(Supplier<String> action, Model model, HttpServletResponse response,
      Supplier<String> again) {
    try {
      return action.get();
    } catch (PlatformException e) {
      if (e.fieldProblems().isEmpty()) {
        throw e;
      }
      Map<String, String> errors = new LinkedHashMap<>();
      for (FieldProblem p : e.fieldProblems()) {
        errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b);
      }
      model.addAttribute("errors", errors);
      model.addAttribute("formError", e.getMessage());
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return again.get();
    }
  }
}
