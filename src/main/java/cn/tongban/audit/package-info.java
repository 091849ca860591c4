/**
 * Audit: the tamper-evident trail of every action (who, what, when, on which object, from which channel).
 * Public API: {@link cn.tongban.audit.AuditTrail}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit 审计留痕")
package cn.tongban.audit;
