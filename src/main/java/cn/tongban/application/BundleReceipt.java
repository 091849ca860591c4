package cn.tongban.application;

import java.util.List;

/** What one bundle submission produced: one application per member item. */
public record BundleReceipt(String bundleCode, String bundleName, List<Application> applications) {}
