package cn.tongban.application.web;

import cn.tongban.application.Application;
import cn.tongban.application.ApplicationId;
import cn.tongban.application.ApplicationIntake;
import cn.tongban.application.SharedData;
import cn.tongban.application.Submission;
import cn.tongban.application.Upload;
import cn.tongban.application.internal.ApplicationDrafts;
import cn.tongban.application.internal.CaseFile;
import cn.tongban.application.internal.CaseFiles;
import cn.tongban.application.internal.Delivery;
import cn.tongban.application.internal.Prefill;
import cn.tongban.application.internal.StoredMaterial;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.FieldType;
import cn.tongban.catalog.FormDefinition;
import cn.tongban.catalog.FormField;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.identity.AccountId;
import cn.tongban.identity.PartyType;
import cn.tongban.identity.PersonDirectory;
import cn.tongban.identity.PersonProfile;
import cn.tongban.identity.Representation;
import cn.tongban.identity.TongbanUser;
import cn.tongban.license.SignatureService;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.storage.MaterialStorage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The applicant's pages: apply, follow, correct and withdraw their cases. */
@Controller
class ApplicantPages {
  private final SharedData sharedData;
  static final String FIELD_PREFIX = "field.";
  static final String MATERIAL_PREFIX = "material.";

  private final Catalog catalog;
  private final PersonDirectory persons;
  private final ApplicationIntake intake;
  private final CaseFiles files;
  private final MaterialStorage storage;
  private final Representation representation;
  private final SignatureService signatures;
  private final ApplicationDrafts drafts;

  ApplicantPages(Catalog catalog, PersonDirectory persons, ApplicationIntake intake, CaseFiles files,
      MaterialStorage storage, Representation representation, SignatureService signatures,
      SharedData sharedData, ApplicationDrafts drafts) {
    this.drafts = drafts;
    this.sharedData = sharedData;
    this.representation = representation;
    this.signatures = signatures;
    this.catalog = catalog;
    this.persons = persons;
    this.intake = intake;
    this.files = files;
    this.storage = storage;
  }

  /** The result delivery choices, in the order the apply form shows them. */
  @ModelAttribute("deliveryMethods")
  Map<String, String> deliveryMethods() {
    Map<String, String> m = new LinkedHashMap<>();
    Delivery.ORDER.forEach(k -> m.put(k, Delivery.METHODS.get(k)));
    return m;
  }

  @GetMapping("/my/apply/{code}")
  String applyForm(@PathVariable String code, @RequestParam(name = "for", required = false) String party,
      @AuthenticationPrincipal TongbanUser user, Model model) {
    ServiceItem item = catalog.publishedItem(code).orElseThrow(() -> PlatformException.notFound("事项"));
    PersonProfile person = forWhom(user, party, model);
    Prefill.Filled filled = Prefill.of(item.form(), sharedData.about(person));
    Map<String, String> values = new LinkedHashMap<>(filled.values());
    Map<String, String> sources = new LinkedHashMap<>(filled.sources());
    // a saved draft (from this or another device) is resumed; a source stays only where the value is unchanged
    var draft = party == null ? drafts.find(user.accountId(), item.code()) : Optional.<ApplicationDrafts.DraftView>empty();
    draft.ifPresent(d -> {
      values.putAll(d.formData());
      sources.keySet().removeIf(f -> !Objects.equals(filled.values().get(f), values.get(f)));
      model.addAttribute("commitments", d.commitments());
      model.addAttribute("draft", d);
    });
    model.addAttribute("item", item);
    model.addAttribute("values", values);
    model.addAttribute("sources", sources);
    model.addAttribute("errors", Map.of());
    model.addAttribute("token", UUID.randomUUID().toString());
    return "application/apply";
  }

  /** 保存草稿 (htmx): the form as typed so far, answered with the status line that replaces {@code #draft-status}. */
  @PostMapping("/my/drafts/{code}")
  String saveDraft(@PathVariable String code, @AuthenticationPrincipal TongbanUser user,
      HttpServletRequest request, Model model) {
    ServiceItem item = catalog.publishedItem(code).orElseThrow(() -> PlatformException.notFound("事项"));
    try {
      model.addAttribute("draft", drafts.save(user.accountId(), item.code(), fields(item, request.getParameterMap()),
          commitments(request)));
      model.addAttribute("draftSaved", true);
    } catch (PlatformException e) {
      model.addAttribute("draftError", e.fieldProblems().isEmpty() ? e.getMessage()
          : e.fieldProblems().get(0).message());
    }
    return "application/apply :: draftStatus";
  }

  @PostMapping("/my/drafts/{code}/delete")
  String deleteDraft(@PathVariable String code, @AuthenticationPrincipal TongbanUser user) {
    drafts.delete(user.accountId(), code);
    return "redirect:/my/applications";
  }

  @PostMapping(path = "/my/apply/{code}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String apply(@PathVariable String code, @AuthenticationPrincipal TongbanUser user,
      MultipartHttpServletRequest request, @RequestParam(name = "token", required = false) String token,
      @RequestParam(name = "onBehalf", required = false) String party, Model model,
      HttpServletResponse response) throws IOException {
    ServiceItem item = catalog.publishedItem(code).orElseThrow(() -> PlatformException.notFound("事项"));
    Map<String, String> values = fields(item, request.getParameterMap());
    try {
      Application app = intake.submit(Submission.onBehalf(user.id(), code, values,
          uploads(request.getMultiFileMap()), token, party)
          .deliveredBy(request.getParameter("deliveryMethod"), request.getParameter("deliveryAddress"))
          .committing(commitments(request)));
      if (party == null || party.isBlank()) {
        drafts.submitted(user.accountId(), item.code());
      }
      return "redirect:/my/applications/" + app.id() + "?submitted";
    } catch (PlatformException e) {
      if (e.fieldProblems().isEmpty()) {
        throw e;
      }
      PersonProfile person = forWhom(user, party, model);
      model.addAttribute("item", item);
      model.addAttribute("values", values);
      model.addAttribute("sources", Prefill.of(item.form(), sharedData.about(person)).sources());
      model.addAttribute("errors", errorMap(e));
      model.addAttribute("formError", e.getMessage());
      model.addAttribute("token", token);
      model.addAttribute("commitments", commitments(request));
      model.addAttribute("deliveryMethod", request.getParameter("deliveryMethod"));
      model.addAttribute("deliveryAddress", request.getParameter("deliveryAddress"));
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return "application/apply";
    }
  }

  /**
   * Whom the applicant applies for (themselves, a minor, a principal, an enterprise), put into the model with the
   * choices; the person whose real-name data pre-fills the form. An unknown or no-longer-held party answers 404.
   */
  private PersonProfile forWhom(TongbanUser user, String party, Model model) {
    List<Representation.Party> parties = representation.partiesFor(user.accountId());
    Submission.PartyRef ref = Submission.PartyRef.parse(party);
    Representation.Party chosen = ref == null ? null : parties.stream()
        .filter(p -> p.type() == ref.type() && p.id().equals(ref.id())).findFirst()
        .orElseThrow(() -> PlatformException.notFound("申请对象"));
    model.addAttribute("parties", parties);
    model.addAttribute("party", chosen);
    model.addAttribute("formAction", "/my/apply/");
    UUID personId = chosen != null && chosen.type() == PartyType.PERSON ? chosen.id() : user.accountId();
    return persons.findPerson(AccountId.of(personId)).orElseThrow(() -> PlatformException.notFound("申请人"));
  }

  /** The materials the applicant ticked to commit to (容缺受理, 告知承诺) instead of uploading. */
  static List<String> commitments(HttpServletRequest request) {
    String[] codes = request.getParameterValues("commitment");
    return codes == null ? List.of() : List.of(codes);
  }

  @GetMapping("/my/applications")
  String mine(@AuthenticationPrincipal TongbanUser user, @RequestParam(name = "for", required = false) String party,
      Model model) {
    List<Representation.Party> parties = representation.partiesFor(user.accountId());
    Submission.PartyRef ref = Submission.PartyRef.parse(party);
    if (ref == null) {
      model.addAttribute("applications", files.ofApplicant(user.accountId()));
      model.addAttribute("drafts", drafts.list(user.accountId()));
    } else {
      Representation.Party chosen = parties.stream().filter(p -> p.type() == ref.type() && p.id().equals(ref.id()))
          .findFirst().orElseThrow(() -> PlatformException.notFound("申请对象"));
      model.addAttribute("party", chosen);
      model.addAttribute("applications", files.ofParty(user.accountId(), chosen.type(), chosen.id()));
    }
    model.addAttribute("parties", parties);
    return "application/mine";
  }

  @GetMapping("/my/applications/{id}")
  String one(@PathVariable UUID id, @AuthenticationPrincipal TongbanUser user, Model model) {
    CaseFile file = files.forApplicant(id, user.accountId()).orElseThrow(() -> PlatformException.notFound("办件"));
    model.addAttribute("file", file);
    model.addAttribute("signatures", signatures.about(file.application().number()));
    model.addAttribute("errors", Map.of());
    return "application/detail";
  }

  @PostMapping(path = "/my/applications/{id}/supplement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String supplement(@PathVariable UUID id, @AuthenticationPrincipal TongbanUser user,
      MultipartHttpServletRequest request, Model model, HttpServletResponse response) throws IOException {
    CaseFile file = files.forApplicant(id, user.accountId()).orElseThrow(() -> PlatformException.notFound("办件"));
    try {
      intake.resubmit(ApplicationId.of(id), user.id(), fields(file.item(), request.getParameterMap()),
          uploads(request.getMultiFileMap()));
      return "redirect:/my/applications/" + id;
    } catch (PlatformException e) {
      if (e.fieldProblems().isEmpty()) {
        throw e;
      }
      model.addAttribute("file", file);
      model.addAttribute("errors", errorMap(e));
      model.addAttribute("formError", e.getMessage());
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return "application/detail";
    }
  }

  @PostMapping("/my/applications/{id}/withdraw")
  String withdraw(@PathVariable UUID id, @AuthenticationPrincipal TongbanUser user,
      @RequestParam(name = "reason", required = false) String reason) {
    intake.withdraw(ApplicationId.of(id), user.id(), reason == null || reason.isBlank() ? "申请人主动撤回" : reason);
    return "redirect:/my/applications/" + id;
  }

  @GetMapping("/my/applications/{id}/materials/{materialId}")
  ResponseEntity<InputStreamResource> material(@PathVariable UUID id, @PathVariable UUID materialId,
      @AuthenticationPrincipal TongbanUser user) throws IOException {
    CaseFile file = files.forApplicant(id, user.accountId()).orElseThrow(() -> PlatformException.notFound("材料"));
    return download(files.material(file, materialId).orElseThrow(() -> PlatformException.notFound("材料")), storage);
  }

  static ResponseEntity<InputStreamResource> download(StoredMaterial m, MaterialStorage storage) throws IOException {
    InputStream in = storage.open(m.storageKey());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(m.fileName(),
            StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.parseMediaType(m.contentType())).contentLength(m.sizeBytes())
        .body(new InputStreamResource(in));
  }

  static Map<String, String> fields(ServiceItem item, Map<String, String[]> params) {
    return fields(item.form(), params);
  }

  /** The submitted values of a form's fields ({@code field.<name>}; an address from its town and detail parts). */
  static Map<String, String> fields(FormDefinition form, Map<String, String[]> params) {
    Map<String, String> values = new LinkedHashMap<>();
    for (FormField f : form.fields()) {
      if (f.type() == FieldType.ADDRESS) {
        String town = first(params.get(FIELD_PREFIX + f.name() + ".town"));
        String detail = first(params.get(FIELD_PREFIX + f.name() + ".detail"));
        if (!town.isBlank() || !detail.isBlank()) {
          values.put(f.name(), town.trim() + "|" + detail.trim());
        } else if (params.get(FIELD_PREFIX + f.name()) != null) {
          values.put(f.name(), first(params.get(FIELD_PREFIX + f.name())));
        }
        continue;
      }
      String[] v = params.get(FIELD_PREFIX + f.name());
      if (v != null && v.length > 0) {
        values.put(f.name(), v[0]);
      }
    }
    return values;
  }

  private static String first(String[] v) {
    return v == null || v.length == 0 || v[0] == null ? "" : v[0];
  }

  static List<Upload> uploads(MultiValueMap<String, MultipartFile> fileMap) throws IOException {
    List<Upload> uploads = new ArrayList<>();
    for (var entry : fileMap.entrySet()) {
      if (!entry.getKey().startsWith(MATERIAL_PREFIX)) {
        continue;
      }
      for (MultipartFile f : entry.getValue()) {
        if (!f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())) {
          uploads.add(new Upload(entry.getKey().substring(MATERIAL_PREFIX.length()), f.getOriginalFilename(),
              f.getBytes()));
        }
      }
    }
    return uploads;
  }

  static Map<String, String> errorMap(PlatformException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem p : e.fieldProblems()) {
      errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b);
    }
    return errors;
  }
}
