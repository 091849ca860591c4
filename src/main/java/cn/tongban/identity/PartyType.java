package cn.tongban.identity;

/** Who an application is made for: a natural person or an enterprise (legal person). */
public enum PartyType {
  PERSON, ENTERPRISE
}
