package cn.tongban.license;

/** The license granted for a case ({@code applicationNumber}, the 办件编号) has been issued as {@code identifier}. */
public record LicenseIssued(String applicationNumber, LicenseIdentifier identifier) {}
