package cn.tongban.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A case (办件): one applicant's application for one version of a service item. Its status changes only through
 * the methods below, each of which checks the transition and writes the timeline.
 */
public class Application {
  private final UUID id;
  private final String number;
  private final String queryCode;
  private final String itemCode;
  private final int itemVersion;
  private final String itemName;
  private final String departmentCode;
  private final String departmentName;
  private final UUID applicantId;
  private final String applicantName;
  private final String applicantCitizenId;
  private final String channel;
  private final String idempotencyKey;
  private final Instant submittedAt;
  private Map<String, String> formData;
  private ApplicationStatus status;
  private String result;
  private String processInstanceId;
  private String licenseIdentifier;
  private String openNotice;
  private Instant acceptedAt;
  private Instant decidedAt;
  private Instant concludedAt;
  private int version;
  private ActingParty acting;
  private final List<TimelineEntry> newEntries = new ArrayList<>();

  public Application(UUID id, String number, String queryCode, String itemCode, int itemVersion, String itemName,
      String departmentCode, String departmentName, UUID applicantId, String applicantName, String applicantCitizenId,
      String channel, String idempotencyKey, Instant submittedAt, Map<String, String> formData,
      ApplicationStatus status, String result, String processInstanceId, String licenseIdentifier, String openNotice,
      Instant acceptedAt, Instant decidedAt, Instant concludedAt, int version) {
    this.id = id;
    this.number = number;
    this.queryCode = queryCode;
    this.itemCode = itemCode;
    this.itemVersion = itemVersion;
    this.itemName = itemName;
    this.departmentCode = departmentCode;
    this.departmentName = departmentName;
    this.applicantId = applicantId;
    this.applicantName = applicantName;
    this.applicantCitizenId = applicantCitizenId;
    this.channel = channel;
    this.idempotencyKey = idempotencyKey;
    this.submittedAt = submittedAt;
    this.formData = Map.copyOf(formData);
    this.status = status;
    this.result = result;
    this.processInstanceId = processInstanceId;
    this.licenseIdentifier = licenseIdentifier;
    this.openNotice = openNotice;
    this.acceptedAt = acceptedAt;
    this.decidedAt = decidedAt;
    this.concludedAt = concludedAt;
    this.version = version;
  }

  /** A new case, submitted by the applicant. */
  static Application submit(UUID id, String number, String queryCode, String itemCode, int itemVersion,
      String itemName, String departmentCode, String departmentName, UUID applicantId, String applicantName,
      String applicantCitizenId, String channel, String idempotencyKey, Map<String, String> formData,
      String actorLabel) {
    Instant now = now();
    Application a = new Application(id, number, queryCode, itemCode, itemVersion, itemName, departmentCode,
        departmentName, applicantId, applicantName, applicantCitizenId, channel, idempotencyKey, now, formData,
        ApplicationStatus.SUBMITTED, null, null, null, null, null, null, null, 0);
    a.newEntries.add(new TimelineEntry(now, "submitted", "提交申请", ApplicationStatus.SUBMITTED, actorLabel, null));
    return a;
  }

  /** Set once, when the case is created or read: who the case is for and who acted. */
  public void actingAs(ActingParty acting) {
    this.acting = Objects.requireNonNull(acting);
  }

  /** The applicant party and the representative, if any (a case from before representation reads as self). */
  public ActingParty acting() {
    return acting != null ? acting
        : new ActingParty("PERSON", applicantId, applicantName, null, null, null);
  }

  void startedAs(String processInstanceId) {
    if (this.processInstanceId != null) {
      throw new IllegalStateException("case " + number + " already runs as " + this.processInstanceId);
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
  public void conclude(String licenseIdentifier, String actorLabel) {
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
      throw cn.tongban.platform.web.PlatformException.invalid("comment", "请填写" + what);
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

  public UUID id() { return id; }
  public String number() { return number; }
  public String queryCode() { return queryCode; }
  public String itemCode() { return itemCode; }
  public int itemVersion() { return itemVersion; }
  public String itemName() { return itemName; }
  public String departmentCode() { return departmentCode; }
  public String departmentName() { return departmentName; }
  public UUID applicantId() { return applicantId; }
  public String applicantName() { return applicantName; }
  public String applicantCitizenId() { return applicantCitizenId; }
  public String channel() { return channel; }

  /** 网页, 窗口, … for the channel the application came through. */
  public String channelLabel() {
    for (cn.tongban.platform.web.RequestChannel c : cn.tongban.platform.web.RequestChannel.values()) {
      if (c.name().equals(channel)) {
        return c.label();
      }
    }
    return channel;
  }
  public String idempotencyKey() { return idempotencyKey; }
  public Instant submittedAt() { return submittedAt; }
  public Map<String, String> formData() { return formData; }
  public ApplicationStatus status() { return status; }
  public String result() { return result; }
  public String processInstanceId() { return processInstanceId; }
  public String licenseIdentifier() { return licenseIdentifier; }
  public String openNotice() { return openNotice; }
  public Instant acceptedAt() { return acceptedAt; }
  public Instant decidedAt() { return decidedAt; }
  public Instant concludedAt() { return concludedAt; }
  public int version() { return version; }

  public String resultLabel() {
    return result == null ? null : "APPROVED".equals(result) ? "准予许可" : "不予许可";
  }
}
