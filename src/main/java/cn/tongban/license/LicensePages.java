package cn.tongban.license;

import cn.tongban.identity.PersonDirectory;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** Verification of a license by anyone, and the holder's own licenses. */
@Controller
class LicensePages {
  private final LicenseVerifier verifier;
  private final PersonDirectory persons;

  LicensePages(LicenseVerifier verifier, PersonDirectory persons) {
    this.verifier = verifier;
    this.persons = persons;
  }

  @GetMapping("/verify")
  String form(@RequestParam(name = "identifier", required = false) String identifier) {
    if (identifier != null && !identifier.isBlank()) {
      return "redirect:/verify/" + UriUtils.encodePathSegment(identifier.trim(), java.nio.charset.StandardCharsets.UTF_8);
    }
    return "license/verify";
  }

  @GetMapping("/verify/{identifier}")
  String verify(@PathVariable String identifier, Model model) {
    model.addAttribute("identifier", identifier);
    verifier.verify(identifier).ifPresentOrElse(v -> model.addAttribute("result", v),
        () -> model.addAttribute("notFound", true));
    return "license/verify";
  }

  @GetMapping("/my/licenses")
  String mine(@AuthenticationPrincipal TongbanUser user, Model model) {
    var person = persons.findPerson(user.accountId()).orElseThrow(() -> PlatformException.notFound("申请人"));
    model.addAttribute("licenses", verifier.heldBy(person.citizenId()));
    return "license/mine";
  }
}
