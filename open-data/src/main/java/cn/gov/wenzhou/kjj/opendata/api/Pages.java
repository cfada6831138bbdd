package cn.gov.wenzhou.kjj.opendata.api;

import cn.gov.wenzhou.kjj.opendata.query.OpenViews.Page;
import cn.gov.wenzhou.kjj.opendata.query.Slice;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/** A slice of a list as a page: its {@code next} is this request's own path and filters with the next cursor. */
final class Pages {

    private Pages() {
    }

    static <T> Page<T> of(Slice<T> slice, String list, HttpServletRequest request) {
        String next = slice.nextAfter() == null ? null
                : UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("cursor", QueryParameters.cursor(list, slice.nextAfter()))
                .build().toUriString();
        return new Page<>(slice.items(), slice.total(), next);
    }
}
