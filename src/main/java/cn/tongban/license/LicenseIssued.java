package cn.tongban.license;

import org.jspecify.annotations.NullMarked;

/** The license granted for a case ({@code applicationNumber}, the 办件编号) has been issued as {@code identifier}. */
@NullMarked
public record LicenseIssued(String applicationNumber, LicenseIdentifier identifier) {}
