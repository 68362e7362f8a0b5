package org.partnershiptracker.command.web.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.partnershiptracker.command.rules.NotFound;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.events.value.PartnershipId;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A caller reads only partnerships its organisation is or was a partner of, and writes only to
 * those it is a partner of now (an admin: any). Anything else answers 404 exactly as an unknown
 * partnership does, before the body is read, so a caller learns nothing of partnerships that are
 * not its own.
 */
@Configuration
class PartnerScope implements WebMvcConfigurer, HandlerInterceptor {
  private final PartnerDirectory partners;

  PartnerScope(PartnerDirectory partners) {
    this.partners = partners;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/partnerships/*/**");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    @SuppressWarnings("unchecked")
    Map<String, String> path =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String partnershipId = path == null ? null : path.get("partnershipId");
    if (partnershipId == null) {
      return true;
    }
    Caller caller = CurrentCaller.get().orElseThrow(() -> unknown(partnershipId));
    if (caller.isAdmin()) {
      return true;
    }
    PartnershipId id;
    try {
      id = PartnershipId.of(partnershipId);
    } catch (IllegalArgumentException e) {
      throw unknown(partnershipId);
    }
    boolean reads = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (reads
        ? !partners.isOrWasPartner(id, caller.organisationId())
        : !partners.isPartner(id, caller.organisationId())) {
      throw unknown(partnershipId);
    }
    return true;
  }

  /** The same answer as for a partnership that does not exist. */
  static NotFound unknown(String partnershipId) {
    return new NotFound("no partnership with id '" + partnershipId + "'");
  }
}
