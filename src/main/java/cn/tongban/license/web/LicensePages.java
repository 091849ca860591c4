package cn.tongban.license.web;

import cn.tongban.identity.PersonDirectory;
import cn.tongban.identity.TongbanUser;
import cn.tongban.license.LicenseWallet;
import cn.tongban.license.internal.EnterpriseHoldings;
import cn.tongban.license.internal.LicenseDocuments;
import cn.tongban.license.internal.LicenseDownloads;
import cn.tongban.license.internal.LicenseVerifier;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** Verification of a license by anyone (identifier, QR code or file), and the holder's license wallet. */
@Controller
class LicensePages {
  private final LicenseVerifier verifier;
  private final PersonDirectory persons;
  private final LicenseWallet wallet;
  private final LicenseDownloads downloads;
  private final EnterpriseHoldings holdings;
  private final LicenseDocuments documents;

  LicensePages(LicenseVerifier verifier, PersonDirectory persons, LicenseWallet wallet, LicenseDownloads downloads,
      LicenseDocuments documents, EnterpriseHoldings holdings) {
    this.holdings = holdings;
    this.verifier = verifier;
    this.persons = persons;
    this.wallet = wallet;
    this.downloads = downloads;
    this.documents = documents;
  }

  @GetMapping("/verify")
  String form(@RequestParam(name = "identifier", required = false) String identifier) {
    if (identifier != null && !identifier.isBlank()) {
      return "redirect:/verify/" + UriUtils.encodePathSegment(identifier.trim(), StandardCharsets.UTF_8);
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

  @PostMapping("/verify/file")
  String verifyFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
    if (file == null || file.isEmpty()) {
      throw PlatformException.invalid("file", "请选择要核验的证照文件");
    }
    LicenseVerifier.FileVerification fv = verifier.verifyFile(file.getBytes());
    model.addAttribute("fileResult", fv);
    if (fv.license() != null) {
      model.addAttribute("result", fv.license());
      model.addAttribute("identifier", fv.license().identifier());
    }
    return "license/verify";
  }

  /** The QR code that leads to the verification page of a license. */
  @GetMapping("/verify/{identifier}/qr.png")
  ResponseEntity<byte[]> qr(@PathVariable String identifier) {
    if (verifier.verify(identifier).isEmpty()) {
      throw PlatformException.notFound("证照");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(LicenseDocuments.qr(documents.verificationUrl(identifier)), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
        .body(out.toByteArray());
  }

  @GetMapping("/my/licenses")
  String mine(@AuthenticationPrincipal TongbanUser user, Model model) {
    String holder = holderId(user);
    model.addAttribute("licenses", verifier.heldBy(holder));
    model.addAttribute("departments", wallet.departments());
    model.addAttribute("authorizations", wallet.authorizations(holder));
    model.addAttribute("uses", wallet.uses(holder));
    model.addAttribute("enterpriseHoldings", holdings.of(user));
    return "license/mine";
  }

  @GetMapping("/my/licenses/{identifier}/document")
  ResponseEntity<byte[]> document(@AuthenticationPrincipal TongbanUser user, @PathVariable String identifier) {
    return LicenseApi.pdf(downloads.documentIf(identifier,
        l -> l.holderId().equals(holderId(user)) || holdings.represents(user, l.holderId())), identifier);
  }

  @PostMapping("/my/licenses/{identifier}/authorizations")
  String authorize(@AuthenticationPrincipal TongbanUser user, @PathVariable String identifier,
      @RequestParam(name = "departmentCode", required = false) String departmentCode,
      @RequestParam(name = "applicationNumber", required = false) String applicationNumber,
      @RequestParam(name = "purpose", required = false) String purpose, RedirectAttributes redirect) {
    try {
      var a = wallet.authorize(holderId(user), identifier, departmentCode, applicationNumber, purpose);
      redirect.addFlashAttribute("flash", "已授权" + a.departmentName() + "在办件 " + a.applicationNumber() + " 中使用“"
          + a.licenseName() + "”。");
    } catch (PlatformException e) {
      redirect.addFlashAttribute("flashError", e.fieldProblems().isEmpty() ? e.getMessage()
          : e.fieldProblems().stream().map(FieldProblem::message).collect(Collectors.joining("；")));
    }
    return "redirect:/my/licenses";
  }

  @PostMapping("/my/licenses/authorizations/{id}/withdrawal")
  String withdraw(@AuthenticationPrincipal TongbanUser user, @PathVariable UUID id, RedirectAttributes redirect) {
    wallet.withdraw(holderId(user), id);
    redirect.addFlashAttribute("flash", "已撤回授权。");
    return "redirect:/my/licenses";
  }

  private String holderId(TongbanUser user) {
    return persons.findPerson(user.id()).orElseThrow(() -> PlatformException.notFound("申请人")).citizenId();
  }
}
