/**
 * Workflow: runs each case's approval process in Flowable (BPMN) on the same database and hands tasks to the
 * candidate groups of the item's department. It tells the rest of the platform what happened through events
 * ({@link cn.tongban.workflow.CaseStepCompleted}, {@link cn.tongban.workflow.CaseConcluded}), published in the same
 * transaction, so the engine and the case's own status never disagree.
 * Public API: {@link cn.tongban.workflow.CaseWorkflow}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow 审批流程")
package cn.tongban.workflow;
