package cn.tongban.identity.web;

import cn.tongban.identity.Enterprise;
import cn.tongban.identity.Enterprises;
import cn.tongban.identity.Representation;
import cn.tongban.identity.TongbanUser;
import cn.tongban.identity.internal.BiometricConsent;
import cn.tongban.identity.internal.Delegations;
import cn.tongban.identity.internal.Guardians;
import cn.tongban.identity.internal.Guardianship;
import cn.tongban.identity.internal.IdentityVerification;
import cn.tongban.identity.internal.Mandate;
import cn.tongban.identity.internal.MinorHandover;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Relations over the API: enterprises and their employees, delegations, minors, handover, identity verification. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "授权与代办", description = "企业注册与经办人授权、委托代办、未成年人账号、成年移交、人脸识别同意")
class RelationApi {
  private final Enterprises enterprises;
  private final Delegations delegations;
  private final Guardians guardians;
  private final MinorHandover handover;
  private final IdentityVerification verification;
  private final Representation representation;

  RelationApi(Enterprises enterprises, Delegations delegations, Guardians guardians, MinorHandover handover,
      IdentityVerification verification, Representation representation) {
    this.enterprises = enterprises;
    this.delegations = delegations;
    this.guardians = guardians;
    this.handover = handover;
    this.verification = verification;
    this.representation = representation;
  }

  record Binding(String creditCode) {}

  record Created(UUID id) {}

  record MandateView(UUID id, String principalType, UUID principalId, String principalName, String agentName,
      String agentCitizenIdMasked, String itemCode, LocalDate validFrom, LocalDate validUntil, Instant revokedAt,
      boolean active) {
    static MandateView of(Mandate m) {
      return new MandateView(m.id(), m.principalType().name(), m.principalId(), m.principalName(), m.agentName(),
          m.agentCitizenIdMasked(), m.itemCode(), m.validFrom(), m.validUntil(), m.revokedAt(),
          m.activeOn(Representation.today()));
    }
  }

  record MinorView(UUID accountId, String name, String citizenIdMasked, String relation, LocalDate adultOn,
      boolean active) {
    static MinorView of(Guardianship g) {
      return new MinorView(g.minorAccountId(), g.minorName(), g.minorCitizenIdMasked(), g.relation(), g.adultOn(),
          g.active());
    }
  }

  record Handover(String citizenId, String code, String password) {}

  record SmsCheck(String code) {}

  record Verified(boolean verified, String method) {}

  record Consent(UUID id, String purpose, Instant consentedAt, Instant withdrawnAt) {}

  @PostMapping("/enterprises")
  @Operation(summary = "法人注册：法定代表人绑定企业", description = "统一社会信用代码须校验通过，且法人基础信息中的法定代表人为当前登录本人。")
  ResponseEntity<Enterprise> bind(@AuthenticationPrincipal TongbanUser user, @RequestBody Binding body) {
    Enterprise e = enterprises.bind(user.accountId(), body.creditCode());
    return ResponseEntity.created(URI.create("/api/v1/enterprises/" + e.id())).body(e);
  }

  @GetMapping("/enterprises")
  @Operation(summary = "我作为法定代表人的企业")
  List<Enterprise> myEnterprises(@AuthenticationPrincipal TongbanUser user) {
    return enterprises.ofLegalRep(user.accountId());
  }

  @GetMapping("/enterprises/{id}/agents")
  @Operation(summary = "企业的经办人授权")
  List<MandateView> agents(@AuthenticationPrincipal TongbanUser user, @PathVariable UUID id) {
    return delegations.ofEnterprise(user.accountId(), id).stream().map(MandateView::of).toList();
  }

  @PostMapping("/enterprises/{id}/agents")
  @Operation(summary = "授权经办人", description = "经办人须为已实名注册的个人；itemCode 为空表示全部事项（须填 validUntil）。")
  ResponseEntity<Created> authorize(@AuthenticationPrincipal TongbanUser user, @PathVariable UUID id,
      @RequestBody Delegations.Grant body) {
    UUID mandate = delegations.grantForEnterprise(user.accountId(), id, body);
    return ResponseEntity.created(URI.create("/api/v1/enterprises/" + id + "/agents/" + mandate))
        .body(new Created(mandate));
  }

  @DeleteMapping("/enterprises/{id}/agents/{mandateId}")
  @Operation(summary = "撤销经办人授权（立即生效）")
  ResponseEntity<Void> revokeAgent(@AuthenticationPrincipal TongbanUser user, @PathVariable UUID id,
      @PathVariable UUID mandateId) {
    delegations.revokeForEnterprise(user.accountId(), id, mandateId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/delegations")
  @Operation(summary = "我给出的委托")
  List<MandateView> given(@AuthenticationPrincipal TongbanUser user) {
    return delegations.givenBy(user.accountId()).stream().map(MandateView::of).toList();
  }

  @GetMapping("/delegations/received")
  @Operation(summary = "我受托的、当前有效的委托和授权")
  List<MandateView> held(@AuthenticationPrincipal TongbanUser user) {
    return delegations.heldBy(user.accountId()).stream().map(MandateView::of).toList();
  }

  @PostMapping("/delegations")
  @Operation(summary = "委托代办", description = "受托人姓名与身份证号码须与已注册用户一致；指定事项或期限。")
  ResponseEntity<Created> delegate(@AuthenticationPrincipal TongbanUser user, @RequestBody Delegations.Grant body) {
    UUID id = delegations.grantForPerson(user.accountId(), body);
    return ResponseEntity.created(URI.create("/api/v1/delegations/" + id)).body(new Created(id));
  }

  @DeleteMapping("/delegations/{id}")
  @Operation(summary = "撤销委托（立即生效）")
  ResponseEntity<Void> revoke(@AuthenticationPrincipal TongbanUser user, @PathVariable UUID id) {
    delegations.revokeForPerson(user.accountId(), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/minors")
  @Operation(summary = "我监护的未成年人账号")
  List<MinorView> minors(@AuthenticationPrincipal TongbanUser user) {
    return guardians.of(user.accountId()).stream().map(MinorView::of).toList();
  }

  @PostMapping("/minors")
  @Operation(summary = "为未成年人注册账号", description = "身份证号码须显示未满18周岁并通过实名核验；relation 为 FATHER、MOTHER 或 OTHER。")
  ResponseEntity<Created> registerMinor(@AuthenticationPrincipal TongbanUser user,
      @RequestBody Guardians.RegisterMinor body) {
    return ResponseEntity.status(201).body(new Created(guardians.registerMinor(user.accountId(), body)));
  }

  @GetMapping("/parties")
  @Operation(summary = "我可以代为申请的对象", description = "监护的未成年人、委托人、企业（法定代表人或经办人）。")
  List<Representation.Party> parties(@AuthenticationPrincipal TongbanUser user) {
    return representation.partiesFor(user.accountId());
  }

  @PostMapping("/accounts/handover")
  @Operation(summary = "成年账号移交：凭短信移交验证码设置本人密码")
  ResponseEntity<Void> handover(@RequestBody Handover body) {
    handover.complete(body.citizenId(), body.code(), body.password());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/identity-verification/consent")
  @Operation(summary = "人脸识别同意记录")
  List<Consent> consents(@AuthenticationPrincipal TongbanUser user) {
    return verification.consents(user.accountId()).stream()
        .map(c -> new Consent(c.id(), c.purpose(), c.consentedAt(), c.withdrawnAt())).toList();
  }

  @PostMapping("/identity-verification/consent")
  @Operation(summary = "单独同意人脸识别")
  ResponseEntity<Consent> consent(@AuthenticationPrincipal TongbanUser user) {
    BiometricConsent c = verification.consent(user.accountId());
    return ResponseEntity.status(201).body(new Consent(c.id(), c.purpose(), c.consentedAt(), c.withdrawnAt()));
  }

  @DeleteMapping("/identity-verification/consent")
  @Operation(summary = "撤回人脸识别同意")
  ResponseEntity<Void> withdraw(@AuthenticationPrincipal TongbanUser user) {
    verification.withdraw(user.accountId());
    return ResponseEntity.noContent().build();
  }

  @PostMapping(path = "/identity-verification/face", consumes = "application/octet-stream")
  @Operation(summary = "人脸核验", description = "须先单独同意；未同意或服务未开通时返回错误并建议改用短信验证码。")
  Verified face(@AuthenticationPrincipal TongbanUser user, @RequestBody(required = false) byte[] capture) {
    return new Verified(verification.verifyFace(user.accountId(), capture), "FACE");
  }

  @PostMapping("/identity-verification/sms")
  @Operation(summary = "发送身份核验短信验证码（人脸识别的替代方式）")
  ResponseEntity<Void> sendSms(@AuthenticationPrincipal TongbanUser user) {
    verification.sendSmsCode(user.accountId());
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/identity-verification/sms/check")
  @Operation(summary = "校验身份核验短信验证码")
  Verified checkSms(@AuthenticationPrincipal TongbanUser user, @RequestBody SmsCheck body) {
    return new Verified(verification.verifySmsCode(user.accountId(), body.code()), "SMS");
  }
}
