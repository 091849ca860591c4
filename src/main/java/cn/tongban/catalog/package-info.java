/**
 * Catalog: the government service items (政务服务事项), their complete guides (办事指南), their application forms and
 * the materials they require, and the 一件事 bundles.
 *
 * <p>API for other modules (this package): {@link Catalog} and the item as published, {@link ServiceItem} with its
 * {@link Guide}, {@link FormDefinition} and {@link MaterialRequirement}, and {@link BundleService}. {@code web} holds
 * the catalog pages and the REST API; {@code internal} the repositories, editing and versioning, search, import and
 * export, the guide PDF and the item rules.
 */
@ApplicationModule(displayName = "Catalog 事项目录与办事指南")
package cn.tongban.catalog;

import org.springframework.modulith.ApplicationModule;
