package cn.tongban.application.web;

import cn.tongban.application.ActingParty;
import cn.tongban.application.Application;
import cn.tongban.application.ApplicationId;
import cn.tongban.application.ApplicationIntake;
import cn.tongban.application.BundleReceipt;
import cn.tongban.application.BundleSubmission;
import cn.tongban.application.SharedData;
import cn.tongban.application.Submission;
import cn.tongban.application.Upload;
import cn.tongban.application.internal.CaseFile;
import cn.tongban.application.internal.CaseFiles;
import cn.tongban.application.internal.Commitment;
import cn.tongban.application.internal.Deficiency;
import cn.tongban.application.internal.Prefill;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.identity.Enterprises;
import cn.tongban.identity.PartyType;
import cn.tongban.identity.PersonDirectory;
import cn.tongban.identity.Representation;
import cn.tongban.identity.TongbanUser;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.workflow.CaseDeadlines;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The applicant's cases over the API (app, mini-program, kiosk). */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "办件", description = "申请人提交、查询、补正、撤回办件")
class ApplicationApi {
  private final ApplicationIntake intake;
  private final CaseFiles files;
  private final Representation representation;

  private final SharedData sharedData;
  private final Catalog catalog;
  private final PersonDirectory persons;

  private final Enterprises enterprises;

  ApplicationApi(ApplicationIntake intake, CaseFiles files, Representation representation,
      SharedData sharedData, Catalog catalog, PersonDirectory persons,
      Enterprises enterprises) {
    this.enterprises = enterprises;
    this.sharedData = sharedData;
    this.catalog = catalog;
    this.persons = persons;
    this.representation = representation;
    this.intake = intake;
    this.files = files;
  }

  /**
   * {@code onBehalfType}/{@code onBehalfId}: optional, PERSON or ENTERPRISE and its id (see GET /api/v1/parties);
   * {@code deliveryMethod}: ELECTRONIC (default), WINDOW, MAIL (with {@code deliveryAddress}) or TERMINAL.
   */
  record NewApplication(String itemCode, Map<String, String> formData, PartyType onBehalfType, UUID onBehalfId,
      String deliveryMethod, String deliveryAddress, List<String> commitments) {}

  record DeliveryView(String method, String label, String address, String trackingNumber) {}

  record Correction(Map<String, String> formData) {}

  record Withdrawal(String reason) {}

  record Summary(UUID id, String number, String itemCode, String itemName, String status, String statusLabel,
      Instant submittedAt) {
    static Summary of(Application a) {
      return new Summary(a.id().value(), a.number(), a.itemCode().value(), a.itemName(), a.status().name(),
          a.status().label(), a.submittedAt());
    }
  }

  record Material(UUID id, String requirementCode, String fileName, String contentType, long sizeBytes, String sm3) {}

  record Step(Instant at, String status, String statusLabel, String by, String comment) {}

  record Detail(UUID id, String number, String queryCode, String itemCode, int itemVersion, String itemName,
      String departmentName, String status, String statusLabel, String result, String currentStep,
      String notice, String licenseIdentifier, int promisedDays, int statutoryDays, Map<String, String> formData,
      List<Material> materials, List<Step> timeline, Instant submittedAt, String channel, ActingParty acting,
      DeliveryView delivery, CaseDeadlines deadlines, List<Commitment> commitments,
      List<Deficiency> deficiencies, List<CaseFile.ByReference> byReference) {
    static Detail of(CaseFile f) {
      Application a = f.application();
      return new Detail(a.id().value(), a.number(), a.queryCode(), a.itemCode().value(), a.itemVersion(), a.itemName(),
          a.departmentName(), a.status().name(), a.status().label(), a.result(), f.currentStep(), a.openNotice(),
          a.licenseIdentifier() == null ? null : a.licenseIdentifier().value(), f.item().promisedDays(),
          f.item().statutoryDays(), a.formData(),
          f.materials().stream().map(m -> new Material(m.id(), m.requirementCode(), m.fileName(), m.contentType(),
              m.sizeBytes(), m.sm3())).toList(),
          f.timeline().stream().map(e -> new Step(e.occurredAt(), e.status().name(), e.status().label(),
              e.actorLabel(), e.comment())).toList(),
          a.submittedAt(), a.channel(), a.acting(), new DeliveryView(f.delivery().method(), f.delivery().label(),
              f.delivery().address(), f.delivery().trackingNumber()), f.deadlines().orElse(null), f.commitments(),
          f.deficiencies(), f.byReference());
    }
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "提交申请（无附件）", description = "同一 Idempotency-Key 的重复提交只产生一个办件。所有字段和材料错误一次返回。")
  ResponseEntity<Detail> submit(@AuthenticationPrincipal TongbanUser user,
      @Parameter(description = "客户端生成的幂等键") @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody NewApplication body) {
    return created(user, intake.submit(new Submission(user.id(), body.itemCode(), body.formData(), List.of(), key,
        body.onBehalfType(), body.onBehalfId(), body.deliveryMethod(), body.deliveryAddress())
        .committing(body.commitments())));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "提交申请（含材料）", description = "part “application” 为 JSON（itemCode, formData, commitments：以容缺受理或告知承诺代替的材料编码），材料文件 part 名为 “material.<材料编码>”。")
  ResponseEntity<Detail> submitWithMaterials(@AuthenticationPrincipal TongbanUser user,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestPart("application") NewApplication body, MultipartHttpServletRequest request) throws IOException {
    List<Upload> uploads = ApplicantPages.uploads(request.getMultiFileMap());
    return created(user, intake.submit(new Submission(user.id(), body.itemCode(), body.formData(), uploads, key,
        body.onBehalfType(), body.onBehalfId(), body.deliveryMethod(), body.deliveryAddress())
        .committing(body.commitments())));
  }

  record NewBundleApplication(String bundleCode, Map<String, String> formData) {}

  record BundleResult(String bundleCode, String bundleName, List<Summary> applications) {}

  @PostMapping(path = "/bundles", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "一件事一次提交（含材料）", description = "part “application” 为 JSON（bundleCode, formData：合并表单，共用字段只填一次），"
      + "材料文件 part 名为 “material.<材料编码>”，同一材料只传一次。成功时为每个成员事项各生成一个办件，要么全部生成，要么都不生成。")
  ResponseEntity<BundleResult> submitBundle(@AuthenticationPrincipal TongbanUser user,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestPart("application") NewBundleApplication body, MultipartHttpServletRequest request) throws IOException {
    BundleReceipt r = intake.submitBundle(new BundleSubmission(user.id(), body.bundleCode(), body.formData(),
        ApplicantPages.uploads(request.getMultiFileMap()), key));
    return ResponseEntity.status(201).body(new BundleResult(r.bundleCode(), r.bundleName(),
        r.applications().stream().map(Summary::of).toList()));
  }

  private ResponseEntity<Detail> created(TongbanUser user, Application app) {
    CaseFile file = files.forApplicant(app.id().value(), user.accountId()).orElseThrow();
    return ResponseEntity.created(URI.create("/api/v1/applications/" + app.id())).body(Detail.of(file));
  }

  @GetMapping
  @Operation(summary = "我的办件", description = "带 partyType 与 partyId 时，列出我监护、受托或代表的对象的办件（仅限当前有效的关系）。")
  List<Summary> mine(@AuthenticationPrincipal TongbanUser user,
      @RequestParam(name = "partyType", required = false) PartyType partyType,
      @RequestParam(name = "partyId", required = false) UUID partyId) {
    if (partyType == null || partyId == null) {
      return files.ofApplicant(user.accountId()).stream().map(Summary::of).toList();
    }
    if (representation.partiesFor(user.accountId()).stream()
        .noneMatch(p -> p.type() == partyType && p.id().equals(partyId))) {
      throw PlatformException.notFound("申请对象");
    }
    return files.ofParty(user.accountId(), partyType, partyId).stream().map(Summary::of).toList();
  }

  /** The pre-filled values of an item's form and, per field, where the value came from. */
  record Prefilled(Map<String, String> values, Map<String, String> sources) {}

  @GetMapping("/prefill")
  @Operation(summary = "自动填表", description = "按事项表单，从实名认证信息、本人有效的电子证照和本人此前的申请中取得可共享的字段值，并注明来源；申请人核对确认即可。")
  Prefilled prefill(@AuthenticationPrincipal TongbanUser user,
      @RequestParam String itemCode,
      @Parameter(description = "为企业申请时：企业编号（须为其法定代表人或被授权的经办人）")
      @RequestParam(required = false) UUID enterpriseId) {
    ServiceItem item = catalog.publishedItem(itemCode)
        .orElseThrow(() -> PlatformException.notFound("事项"));
    var shared = new LinkedHashMap<>(
        sharedData.about(persons.findPerson(user.id()).orElseThrow(() -> PlatformException.notFound("申请人"))));
    if (enterpriseId != null) {
      if (!representation.mayActForEnterprise(user.accountId(), enterpriseId, itemCode)) {
        throw PlatformException.notFound("企业");
      }
      shared.putAll(sharedData.aboutEnterprise(enterprises.find(enterpriseId)
          .orElseThrow(() -> PlatformException.notFound("企业"))));
    }
    Prefill.Filled f = Prefill.of(item.form(), shared);
    return new Prefilled(f.values(), f.sources());
  }

  @GetMapping("/{id}")
  @Operation(summary = "办件详情、进度与办理过程")
  Detail one(@AuthenticationPrincipal TongbanUser user, @PathVariable UUID id) {
    return Detail.of(files.forApplicant(id, user.accountId()).orElseThrow(() -> PlatformException.notFound("办件")));
  }

  @PostMapping(path = "/{id}/supplement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "补正后重新提交", description = "part “correction” 为 JSON（formData 中需更正的字段），补正材料 part 名为 “material.<材料编码>”。")
  Detail supplement(@AuthenticationPrincipal TongbanUser user, @PathVariable UUID id,
      @RequestPart(name = "correction", required = false) Correction body, MultipartHttpServletRequest request)
      throws IOException {
    files.forApplicant(id, user.accountId()).orElseThrow(() -> PlatformException.notFound("办件"));
    intake.resubmit(ApplicationId.of(id), user.id(), body == null ? Map.of() : body.formData(),
        ApplicantPages.uploads(request.getMultiFileMap()));
    return one(user, id);
  }

  @PostMapping("/{id}/withdrawal")
  @Operation(summary = "撤回申请（受理前）")
  Detail withdraw(@AuthenticationPrincipal TongbanUser user, @PathVariable UUID id,
      @RequestBody(required = false) Withdrawal body) {
    intake.withdraw(ApplicationId.of(id), user.id(), body == null || body.reason() == null ? "申请人主动撤回" : body.reason());
    return one(user, id);
  }
}
