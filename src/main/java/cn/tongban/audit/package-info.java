/**
 * Audit: the tamper-evident trail of every action (who, what, when, on which object, from which channel).
 * API: {@link AuditTrail} and its {@link AuditRecord}; the module has no pages and no internals.
 */
@ApplicationModule(displayName = "Audit 审计留痕")
package cn.tongban.audit;

import org.springframework.modulith.ApplicationModule;
