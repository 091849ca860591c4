package cn.tongban.application;

import cn.tongban.catalog.ItemCode;
import cn.tongban.identity.AccountId;
import cn.tongban.identity.DepartmentCode;
import cn.tongban.license.LicenseIdentifier;
import cn.tongban.platform.web.PlatformException;
import cn.tongban.platform.web.RequestChannel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A case (办件): one applicant's application for one version of a service item. Its status changes only through
 * the methods below, each of which checks the transition and writes the timeline.
 */
public class Application {
  /**
   * What is fixed when a case is filed (立案): its id, 办件编号 and query code, the item version it was made under,
   * the applicant, the channel, the idempotency key and the form as submitted.
   */
  public record Filing(ApplicationId id, String number, String queryCode, CaseItem item, Applicant applicant,
      String channel, String idempotencyKey, Map<String, String> formData) {
    public Filing {
      Objects.requireNonNull(id);
      Objects.requireNonNull(number);
      Objects.requireNonNull(item);
      Objects.requireNonNull(applicant);
      formData = Map.copyOf(formData);
    }
  }

  /** The item version a case is made under and the department (实施主体) that handles it. */
  public record CaseItem(ItemCode code, int version, String name, DepartmentCode departmentCode,
      String departmentName) {}

  /** The applicant as the case records them: the account, the real name and the citizen ID number. */
  public record Applicant(AccountId id, String name, String citizenId) {}

  /** How far a stored case has come: status, decision, process, license, open notice and the moments reached. */
  public record Progress(ApplicationStatus status, String result, String processInstanceId,
      LicenseIdentifier licenseIdentifier, String openNotice, Instant acceptedAt, Instant decidedAt,
      Instant concludedAt) {}

  /** A case as its repository stored it, to be read back. */
  public record Stored(Filing filing, Instant submittedAt, Progress progress, int version, ActingParty acting) {}

  private final Filing filing;
  private final Instant submittedAt;
  private final ActingParty acting;
  private Map<String, String> formData;
  private ApplicationStatus status;
  private String result;
  private String processInstanceId;
  private LicenseIdentifier licenseIdentifier;
  private String openNotice;
  private Instant acceptedAt;
  private Instant decidedAt;
  private Instant concludedAt;
  private int version;
  private final List<TimelineEntry> newEntries = new ArrayList<>();

  private Application(Filing filing, Instant submittedAt, Progress progress, int version, ActingParty acting) {
    this.filing = filing;
    this.submittedAt = submittedAt;
    this.acting = Objects.requireNonNull(acting);
    this.formData = filing.formData();
    this.status = progress.status();
    this.result = progress.result();
    this.processInstanceId = progress.processInstanceId();
    this.licenseIdentifier = progress.licenseIdentifier();
    this.openNotice = progress.openNotice();
    this.acceptedAt = progress.acceptedAt();
    this.decidedAt = progress.decidedAt();
    this.concludedAt = progress.concludedAt();
    this.version = version;
  }

  /** A new case, submitted by the applicant (or for them, as {@code acting} says). */
  public static Application submit(Filing filing, ActingParty acting, String actorLabel) {
    Instant now = now();
    Application a = new Application(filing, now,
        new Progress(ApplicationStatus.SUBMITTED, null, null, null, null, null, null, null), 0, acting);
    a.newEntries.add(new TimelineEntry(now, "submitted", "提交申请", ApplicationStatus.SUBMITTED, actorLabel, null));
    return a;
  }

  /** A case read back from its repository. */
  public static Application restore(Stored stored) {
    return new Application(stored.filing(), stored.submittedAt(), stored.progress(), stored.version(),
        stored.acting());
  }

  /** The applicant party and the representative, if any. */
  public ActingParty acting() {
    return acting;
  }

  void startedAs(String processInstanceId) {
    if (this.processInstanceId != null) {
      throw new IllegalStateException("case " + number() + " already runs as " + this.processInstanceId);
    }
    this.processInstanceId = Objects.requireNonNull(processInstanceId);
  }

  /** 受理. */
  public void accept(String actorLabel, String comment) {
    move(ApplicationStatus.ACCEPTED, "accepted", "予以受理", actorLabel, comment);
    acceptedAt = now();
    openNotice = null;
  }

  /** 一次性告知补正: the notice lists everything to correct, at once. */
  public void requestSupplement(String actorLabel, String notice) {
    requireText(notice, "补正告知内容");
    move(ApplicationStatus.SUPPLEMENT_REQUIRED, "supplement-requested", "一次性告知补正", actorLabel, notice);
    openNotice = notice;
  }

  /** The applicant corrects the application and submits it again. */
  public void resubmit(Map<String, String> correctedForm, String actorLabel) {
    move(ApplicationStatus.SUBMITTED, "resubmitted", "补正后重新提交", actorLabel, null);
    formData = Map.copyOf(correctedForm);
    openNotice = null;
  }

  /** 不予受理, with the reason and its legal basis. */
  public void refuse(String actorLabel, String reason) {
    requireText(reason, "不予受理理由");
    move(ApplicationStatus.NOT_ACCEPTED, "not-accepted", "不予受理", actorLabel, reason);
    openNotice = reason;
    concludedAt = now();
  }

  /** 审查 concluded with the reviewer's opinion. */
  public void completeReview(String actorLabel, boolean agrees, String opinion) {
    move(ApplicationStatus.REVIEWED, agrees ? "reviewed" : "reviewed-against",
        agrees ? "审查通过" : "审查不通过", actorLabel, opinion);
  }

  /**
   * An opinion within the review that does not end it (初审 in a multi-level review, one department's 联审 opinion):
   * written to the timeline while the case stays under review.
   */
  public void recordOpinion(String actorLabel, String stageLabel, boolean agrees, String opinion) {
    if (status != ApplicationStatus.ACCEPTED) {
      throw new IllegalTransitionException(status, ApplicationStatus.ACCEPTED);
    }
    newEntries.add(new TimelineEntry(now(), agrees ? "opinion-agree" : "opinion-disagree",
        stageLabel + (agrees ? "：同意" : "：不同意"), status, actorLabel,
        opinion == null || opinion.isBlank() ? null : opinion.trim()));
  }

  /** 决定: 准予. */
  public void approve(String actorLabel, String comment) {
    move(ApplicationStatus.APPROVED, "approved", "作出准予许可决定", actorLabel, comment);
    result = "APPROVED";
    decidedAt = now();
  }

  /** 决定: 不予, with the reason. */
  public void deny(String actorLabel, String reason) {
    requireText(reason, "不予许可理由");
    move(ApplicationStatus.DENIED, "denied", "作出不予许可决定", actorLabel, reason);
    result = "DENIED";
    decidedAt = now();
    openNotice = reason;
  }

  /** 办结: with the license issued as the result when the decision was 准予. */
  public void conclude(LicenseIdentifier licenseIdentifier, String actorLabel) {
    move(ApplicationStatus.CONCLUDED, "concluded", licenseIdentifier == null ? "办结" : "办结，电子证照已核发",
        actorLabel, licenseIdentifier == null ? null : "证照标识：" + licenseIdentifier);
    this.licenseIdentifier = licenseIdentifier;
    concludedAt = now();
  }

  /** The applicant withdraws before acceptance. */
  public void withdraw(String actorLabel, String reason) {
    move(ApplicationStatus.WITHDRAWN, "withdrawn", "申请人撤回申请", actorLabel, reason);
    concludedAt = now();
  }

  /** 终止: the department ends the case before any decision, with the reason (told to the applicant). */
  public void terminate(String actorLabel, String reason) {
    requireText(reason, "终止办理的理由");
    move(ApplicationStatus.TERMINATED, "terminated", "终止办理", actorLabel, reason);
    openNotice = reason;
    concludedAt = now();
  }

  private void move(ApplicationStatus target, String action, String actionLabel, String actorLabel, String comment) {
    if (!status.canMoveTo(target)) {
      throw new IllegalTransitionException(status, target);
    }
    status = target;
    newEntries.add(new TimelineEntry(now(), action, actionLabel, target, actorLabel,
        comment == null || comment.isBlank() ? null : comment.trim()));
  }

  private static void requireText(String text, String what) {
    if (text == null || text.isBlank()) {
      throw PlatformException.invalid("comment", "请填写" + what);
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  public List<TimelineEntry> drainNewEntries() {
    List<TimelineEntry> out = List.copyOf(newEntries);
    newEntries.clear();
    return out;
  }

  public void versionSaved(int newVersion) {
    version = newVersion;
  }

  public ApplicationId id() { return filing.id(); }
  public String number() { return filing.number(); }
  public String queryCode() { return filing.queryCode(); }
  public ItemCode itemCode() { return filing.item().code(); }
  public int itemVersion() { return filing.item().version(); }
  public String itemName() { return filing.item().name(); }
  public DepartmentCode departmentCode() { return filing.item().departmentCode(); }
  public String departmentName() { return filing.item().departmentName(); }
  public AccountId applicantId() { return filing.applicant().id(); }
  public String applicantName() { return filing.applicant().name(); }
  public String applicantCitizenId() { return filing.applicant().citizenId(); }
  public String channel() { return filing.channel(); }

  /** 网页, 窗口, … for the channel the application came through. */
  public String channelLabel() {
    for (RequestChannel c : RequestChannel.values()) {
      if (c.name().equals(channel())) {
        return c.label();
      }
    }
    return channel();
  }
  public String idempotencyKey() { return filing.idempotencyKey(); }
  public Instant submittedAt() { return submittedAt; }
  public Map<String, String> formData() { return formData; }
  public ApplicationStatus status() { return status; }
  public String result() { return result; }
  public String processInstanceId() { return processInstanceId; }
  public LicenseIdentifier licenseIdentifier() { return licenseIdentifier; }
  public String openNotice() { return openNotice; }
  public Instant acceptedAt() { return acceptedAt; }
  public Instant decidedAt() { return decidedAt; }
  public Instant concludedAt() { return concludedAt; }
  public int version() { return version; }

  public String resultLabel() {
    return result == null ? null : "APPROVED".equals(result) ? "准予许可" : "不予许可";
  }
}
