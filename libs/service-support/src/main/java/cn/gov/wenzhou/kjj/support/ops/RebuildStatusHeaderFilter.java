package cn.gov.wenzhou.kjj.support.ops;

import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * While a projection is being rebuilt, every API answer says so in {@value #HEADER} (which projections, how far):
 * the views keep answering, but from tables the replay is still refilling.
 */
public class RebuildStatusHeaderFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Projection-Rebuilding";

    private final ProjectionOperations projections;

    public RebuildStatusHeaderFilter(ProjectionOperations projections) {
        this.projections = projections;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            List<String> rebuilding = projections.rebuildsInProgress();
            if (!rebuilding.isEmpty()) {
                response.setHeader(HEADER, String.join(", ", rebuilding));
            }
        }
        chain.doFilter(request, response);
    }
}
