package cn.tongban.identity;

/** What a natural person gives to register. */
public record RegisterPerson(String name, String citizenId, String mobile, String password) {}
