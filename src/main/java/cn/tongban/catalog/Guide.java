package cn.tongban.catalog;

import java.util.List;

/** The elements of an item's 办事指南 beyond its identity and time limits. */
public record Guide(String conditions, String legalBasis, String fee, List<String> processSteps, String windowAddress,
    String windowHours, String consultPhone, String complaintPhone, String resultName, String rightsAndObligations,
    String legalRemedy, List<Faq> faqs, List<MaterialRequirement> materials, FormDefinition form) {

  public record Faq(String question, String answer) {}

  public Guide {
    processSteps = processSteps == null ? List.of() : List.copyOf(processSteps);
    faqs = faqs == null ? List.of() : List.copyOf(faqs);
    materials = materials == null ? List.of() : List.copyOf(materials);
    form = form == null ? new FormDefinition(List.of()) : form;
  }
}
