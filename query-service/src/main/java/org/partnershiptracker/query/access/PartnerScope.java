package org.partnershiptracker.query.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.query.readmodel.PartnershipReadModels;
import org.partnershiptracker.query.web.UnknownPartnership;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A caller reads only partnerships its organisation is or was a partner of (an admin: any).
 * Anything else answers 404 exactly as an unknown partnership does, on every endpoint of a
 * partnership (JSON, CSV, page); the list and the portfolio page show only the caller's.
 */
@Configuration
class PartnerScope implements WebMvcConfigurer, HandlerInterceptor {
  private final PartnershipReadModels readModels;

  PartnerScope(PartnershipReadModels readModels) {
    this.readModels = readModels;
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
    Caller caller = CurrentCaller.get().orElseThrow(() -> new UnknownPartnership(partnershipId));
    if (!caller.isAdmin()
        && (caller.organisationId() == null
            || !readModels.partnersEver(partnershipId).contains(caller.organisationId()))) {
      throw new UnknownPartnership(partnershipId);
    }
    return true;
  }
}
