package cn.tongban.license.web;

import cn.tongban.identity.PersonDirectory;
import cn.tongban.identity.TongbanUser;
import cn.tongban.license.LicenseWallet;
import cn.tongban.license.internal.EnterpriseHoldings;
import cn.tongban.license.internal.IssuedLicense;
import cn.tongban.license.internal.LegacyImport;
import cn.tongban.license.internal.LicenseDownloads;
import cn.tongban.license.internal.LicenseLifecycle;
import cn.tongban.license.internal.LicenseVerification;
import cn.tongban.license.internal.LicenseVerifier;
import cn.tongban.platform.web.PlatformException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Licenses over the API: public verification, the holder's wallet, the issuing department's lifecycle and import. */
@RestController
@RequestMapping("/api/v1/licenses")
@Tag(name = "电子证照", description = "证照核验、我的证照（免证办授权）、证照变更注销年检、存量证照导入")
class LicenseApi {
  private final LicenseVerifier verifier;
  private final PersonDirectory persons;
  private final LicenseWallet wallet;
  private final LicenseLifecycle lifecycle;
  private final LicenseDownloads downloads;
  private final EnterpriseHoldings holdings;
  private final LegacyImport imports;

  LicenseApi(LicenseVerifier verifier, PersonDirectory persons, LicenseWallet wallet, LicenseLifecycle lifecycle,
      LicenseDownloads downloads, LegacyImport imports, EnterpriseHoldings holdings) {
    this.holdings = holdings;
    this.verifier = verifier;
    this.persons = persons;
    this.wallet = wallet;
    this.lifecycle = lifecycle;
    this.downloads = downloads;
    this.imports = imports;
  }

  record AuthorizationRequest(String departmentCode, String applicationNumber, String purpose) {}

  record UseRequest(String applicationNumber) {}

  record RevocationRequest(String reason) {}

  record ChangeRequest(Map<String, String> data, String reason) {}

  record ImportProgress(LegacyImport.Job job, int percent, List<LegacyImport.Rejection> rejections) {}

  @GetMapping("/verification/{identifier}")
  @Operation(summary = "核验电子证照（公开）", description = "校验SM2签名与证照数据是否一致，并返回证照状态：有效、已变更、已注销、已过期、逾期未年检。")
  LicenseVerification verify(@PathVariable String identifier) {
    return verifier.verify(identifier).orElseThrow(() -> PlatformException.notFound("证照"));
  }

  @PostMapping(path = "/verification/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "上传证照文件核验（公开）", description = "文件须与发证机关签章的原件逐字节一致，且证照当前有效。")
  LicenseVerifier.FileVerification verifyFile(@RequestParam("file") MultipartFile file) throws IOException {
    return verifier.verifyFile(file.getBytes());
  }

  @GetMapping
  @Operation(summary = "我的电子证照")
  List<LicenseVerification> mine(@AuthenticationPrincipal TongbanUser user) {
    return verifier.heldBy(holderId(user));
  }

  @GetMapping("/enterprises")
  @Operation(summary = "我代表的企业的电子证照", description = "按统一社会信用代码关联到企业的证照，由其法定代表人查看和下载。")
  List<EnterpriseHoldings.Holding> enterprises(@AuthenticationPrincipal TongbanUser user) {
    return holdings.of(user);
  }

  @GetMapping("/{identifier}/document")
  @Operation(summary = "下载我的证照文件（PDF，含电子印章和核验二维码）")
  ResponseEntity<byte[]> document(@AuthenticationPrincipal TongbanUser user, @PathVariable String identifier) {
    return pdf(downloads.documentIf(identifier,
        l -> l.holderId().equals(holderId(user)) || holdings.represents(user, l.holderId())), identifier);
  }

  @PostMapping("/{identifier}/authorizations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "授权部门在某一办件中使用我的证照（免证办）")
  LicenseWallet.Authorization authorize(@AuthenticationPrincipal TongbanUser user, @PathVariable String identifier,
      @RequestBody AuthorizationRequest body) {
    return wallet.authorize(holderId(user), identifier, body.departmentCode(), body.applicationNumber(), body.purpose());
  }

  @GetMapping("/authorizations")
  @Operation(summary = "我的证照授权")
  List<LicenseWallet.Authorization> authorizations(@AuthenticationPrincipal TongbanUser user) {
    return wallet.authorizations(holderId(user));
  }

  @PostMapping("/authorizations/{id}/withdrawal")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "撤回证照授权")
  void withdraw(@AuthenticationPrincipal TongbanUser user, @PathVariable UUID id) {
    wallet.withdraw(holderId(user), id);
  }

  @GetMapping("/uses")
  @Operation(summary = "我的证照被调用的记录")
  List<LicenseWallet.Use> uses(@AuthenticationPrincipal TongbanUser user) {
    return wallet.uses(holderId(user));
  }

  @PostMapping("/{identifier}/use")
  @Operation(summary = "部门调用证照（须持证人授权）", description = "未经持证人对本部门、本办件授权的调用被拒绝（403），并记录在案。")
  LicenseWallet.LicenseData use(@AuthenticationPrincipal TongbanUser user, @PathVariable String identifier,
      @RequestBody UseRequest body) {
    return wallet.use(user, identifier, body.applicationNumber());
  }

  @PostMapping("/{identifier}/revocation")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "注销证照（发证部门）")
  void revoke(@AuthenticationPrincipal TongbanUser user, @PathVariable String identifier,
      @RequestBody RevocationRequest body) {
    lifecycle.revoke(user, identifier, body.reason());
  }

  @PostMapping("/{identifier}/changes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "变更证照（发证部门）：签发新版本，原版本标记为已变更")
  IssuedLicense change(@AuthenticationPrincipal TongbanUser user, @PathVariable String identifier,
      @RequestBody ChangeRequest body) {
    return lifecycle.change(user, identifier, body.data(), body.reason());
  }

  @PostMapping("/{identifier}/annual-checks")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "登记年检通过（发证部门）")
  void annualCheck(@AuthenticationPrincipal TongbanUser user, @PathVariable String identifier) {
    lifecycle.recordAnnualCheck(user, identifier);
  }

  @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "导入存量证照（CSV，发证部门）", description = "在后台分批签发；用返回的编号查询进度和被拒绝的行。")
  LegacyImport.Job startImport(@AuthenticationPrincipal TongbanUser user, @RequestParam("file") MultipartFile file)
      throws IOException {
    LegacyImport.Job job = imports.start(user, file.getOriginalFilename(),
        new String(file.getBytes(), StandardCharsets.UTF_8));
    imports.runInBackground(job.id());
    return job;
  }

  @GetMapping("/imports/{id}")
  @Operation(summary = "存量证照导入进度与被拒绝的行")
  ImportProgress importProgress(@AuthenticationPrincipal TongbanUser user, @PathVariable UUID id) {
    LegacyImport.Job job = imports.job(id).filter(j -> user.isStaff() && j.departmentCode().equals(user.departmentCode()))
        .orElseThrow(() -> PlatformException.notFound("导入任务"));
    return new ImportProgress(job, job.percent(), imports.rejections(id));
  }

  private String holderId(TongbanUser user) {
    return persons.findPerson(user.id()).orElseThrow(() -> PlatformException.notFound("申请人")).citizenId();
  }

  static ResponseEntity<byte[]> pdf(byte[] content, String identifier) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("license-" + identifier + ".pdf", StandardCharsets.UTF_8).build().toString())
        .body(content);
  }
}
