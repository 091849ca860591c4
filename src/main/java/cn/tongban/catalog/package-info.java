/**
 * Catalog: the government service items (政务服务事项), their complete guides (办事指南), their application forms and
 * the materials they require. Public API: {@link cn.tongban.catalog.Catalog}, {@link cn.tongban.catalog.ServiceItem},
 * {@link cn.tongban.catalog.FormDefinition}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog 事项目录与办事指南")
package cn.tongban.catalog;
