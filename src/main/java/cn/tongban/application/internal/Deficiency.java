package cn.tongban.application.internal;

/**
 * One deficient material or form field a reviewer marked in a 补正 round, with the reason: {@code target} is
 * {@code materials.<code>} or the field's name, {@code label} what the applicant sees.
 */
public record Deficiency(int round, String target, String label, String reason) {}
