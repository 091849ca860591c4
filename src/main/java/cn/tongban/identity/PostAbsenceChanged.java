package cn.tongban.identity;

/** A post's primary was marked absent or present again; published in the same transaction. */
public record PostAbsenceChanged(StaffPost post) {}
