package cn.tongban.identity;

import java.util.UUID;

/** What other modules may read about a staff account: who, which department, which post. */
public record StaffMember(UUID accountId, String name, String departmentCode, String departmentName, String post) {}
