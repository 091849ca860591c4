package cn.tongban.application;

/** A file the applicant uploads for one material of the item's guide. */
public record Upload(String requirementCode, String fileName, byte[] content) {}
