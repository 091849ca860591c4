package cn.tongban.platform.web;

/** One invalid field and what is wrong with it, in the user's language. */
public record FieldProblem(String field, String message) {}
