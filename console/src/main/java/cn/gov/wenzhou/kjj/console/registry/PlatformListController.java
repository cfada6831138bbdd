package cn.gov.wenzhou.kjj.console.registry;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;
import cn.gov.wenzhou.kjj.console.web.FormProblems;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The platform list: every filter the registry's {@code GET /api/platforms} has, its orders and pages, and the same
 * selection as a spreadsheet (paged from the registry and written row by row, never held whole).
 */
@Controller
public class PlatformListController {

    /** The registry's list parameters, passed through as given (the registry checks them and names a bad one). */
    static final List<String> FILTERS = List.of("name", "creditCode", "industry", "level", "status", "district",
            "year", "grade", "reported", "recognizedYear");
    static final List<String> SORTS = List.of("name", "registeredOn", "firstRecognizedOn", "status", "level",
            "district", "industry", "updatedAt");
    static final List<Integer> PAGE_SIZES = List.of(20, 50, 100, 200);
    private static final int EXPORT_PAGE = 200;
    private static final int EXPORT_MAX_ROWS = 100_000;

    private final Backends backends;
    private final ReferenceData reference;
    private final MessageSource messages;

    public PlatformListController(Backends backends, ReferenceData reference, MessageSource messages) {
        this.backends = backends;
        this.reference = reference;
        this.messages = messages;
    }

    @GetMapping("/registry/platforms")
    public String list(@RequestParam MultiValueMap<String, String> query, HttpServletResponse response,
                       Model model) {
        MultiValueMap<String, String> filters = selection(query);
        int page = Math.max(0, integer(query.getFirst("page"), 0));
        int size = PAGE_SIZES.contains(integer(query.getFirst("size"), 20)) ? integer(query.getFirst("size"), 20)
                : 20;
        Map<String, String> shown = new java.util.HashMap<>();
        for (String name : FILTERS) {
            shown.put(name, filters.getFirst(name));
        }
        shown.put("sort", filters.getFirst("sort"));
        shown.put("direction", filters.getFirst("direction"));
        model.addAttribute("filters", shown);
        model.addAttribute("industries", reference.industries());
        model.addAttribute("districts", reference.districts());
        model.addAttribute("sorts", SORTS);
        model.addAttribute("pageSizes", PAGE_SIZES);
        model.addAttribute("size", size);
        try {
            Map<String, Object> result = backends.registry().getMap(uri -> uri.path("/api/platforms")
                    .queryParams(filters).queryParam("page", page).queryParam("size", size).build());
            model.addAttribute("result", result);
            long total = ((Number) result.get("total")).longValue();
            long pages = (total + size - 1) / size;
            model.addAttribute("pages", pages);
            model.addAttribute("page", page);
            model.addAttribute("previous", page > 0 ? link(filters, page - 1, size) : null);
            model.addAttribute("next", page + 1 < pages ? link(filters, page + 1, size) : null);
            model.addAttribute("sortLinks", sortLinks(filters, size));
            model.addAttribute("xlsx", UriComponentsBuilder.fromPath("/registry/platforms.xlsx")
                    .queryParams(filters).encode().toUriString());
            model.addAttribute("problem", FormProblems.NONE);
        } catch (ServiceProblem.InvalidInput invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", FormProblems.of(invalid).on(FILTERS));
        }
        return "registry/platforms";
    }

    @GetMapping("/registry/platforms.xlsx")
    @SuppressWarnings("unchecked")
    public void xlsx(@RequestParam MultiValueMap<String, String> query, HttpServletResponse response)
            throws IOException {
        MultiValueMap<String, String> filters = selection(query);
        // the first page before any byte is written: a refused filter is still an error page, not a broken file
        Map<String, Object> first = page(filters, 0);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"platforms.xlsx\"");
        boolean withYear = filters.containsKey("year");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("platforms");
            List<String> columns = List.of("name", "creditCode", "district", "industry", "status", "level",
                    "registeredOn", "firstRecognizedOn", "documentNumber", "openRectifications", "revokedOn",
                    "reapplicationOpensOn", "lastEvaluatedYear", "lastGrade");
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(label("platform." + columns.get(c)));
            }
            if (withYear) {
                header.createCell(columns.size()).setCellValue(label("platform.year-grade"));
                header.createCell(columns.size() + 1).setCellValue(label("platform.year-score"));
                header.createCell(columns.size() + 2).setCellValue(label("platform.year-reported"));
            }
            int rowNumber = 1;
            Map<String, Object> current = first;
            for (int page = 0; ; page++) {
                List<Map<String, Object>> items = (List<Map<String, Object>>) current.get("items");
                for (Map<String, Object> item : items) {
                    Map<String, Object> platform = (Map<String, Object>) item.get("platform");
                    Row row = sheet.createRow(rowNumber++);
                    for (int c = 0; c < columns.size(); c++) {
                        Object value = switch (columns.get(c)) {
                            case "district" -> platform.get("districtName");
                            case "industry" -> platform.get("industryName");
                            case "status" -> label("status." + platform.get("status"));
                            case "level" -> platform.get("level") == null ? null
                                    : label("level." + platform.get("level"));
                            default -> platform.get(columns.get(c));
                        };
                        cell(row, c, value);
                    }
                    if (withYear) {
                        Map<String, Object> year = (Map<String, Object>) item.get("year");
                        Map<String, Object> evaluation = year == null ? null
                                : (Map<String, Object>) year.get("evaluation");
                        cell(row, columns.size(), evaluation == null ? null : evaluation.get("grade"));
                        cell(row, columns.size() + 1, evaluation == null ? null : evaluation.get("score"));
                        cell(row, columns.size() + 2, year != null && year.get("report") != null);
                    }
                }
                long total = ((Number) current.get("total")).longValue();
                if (items.size() < EXPORT_PAGE || (long) (page + 1) * EXPORT_PAGE >= Math.min(total,
                        EXPORT_MAX_ROWS)) {
                    break;
                }
                current = page(filters, page + 1);
            }
            try (OutputStream out = response.getOutputStream()) {
                workbook.write(out);
            }
            workbook.dispose();
        }
    }

    private Map<String, Object> page(MultiValueMap<String, String> filters, int page) {
        return backends.registry().getMap(uri -> uri.path("/api/platforms").queryParams(filters)
                .queryParam("page", page).queryParam("size", EXPORT_PAGE).build());
    }

    private static void cell(Row row, int column, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal decimal) {
            row.createCell(column).setCellValue(decimal.toPlainString());
        } else if (value instanceof Number number) {
            row.createCell(column).setCellValue(number.longValue());
        } else if (value instanceof Boolean flag) {
            row.createCell(column).setCellValue(flag);
        } else {
            row.createCell(column).setCellValue(value.toString());
        }
    }

    /** The filters and order of a request, blank ones dropped. */
    static MultiValueMap<String, String> selection(MultiValueMap<String, String> query) {
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
        for (String name : FILTERS) {
            String value = query.getFirst(name);
            if (value != null && !value.isBlank()) {
                kept.add(name, value.trim());
            }
        }
        String sort = query.getFirst("sort");
        if (sort != null && SORTS.contains(sort)) {
            kept.add("sort", sort);
            if ("desc".equals(query.getFirst("direction"))) {
                kept.add("direction", "desc");
            }
        }
        return kept;
    }

    /** For each order: the first page sorted by it, descending when it is the current ascending order. */
    static Map<String, String> sortLinks(MultiValueMap<String, String> filters, int size) {
        Map<String, String> links = new java.util.LinkedHashMap<>();
        String current = filters.getFirst("sort") == null ? "name" : filters.getFirst("sort");
        boolean descending = "desc".equals(filters.getFirst("direction"));
        for (String sort : SORTS) {
            MultiValueMap<String, String> sorted = new LinkedMultiValueMap<>(filters);
            sorted.put("sort", List.of(sort));
            sorted.remove("direction");
            if (sort.equals(current) && !descending) {
                sorted.add("direction", "desc");
            }
            links.put(sort, link(sorted, 0, size));
        }
        return links;
    }

    /** The list with the same selection on another page. */
    static String link(MultiValueMap<String, String> filters, int page, int size) {
        return UriComponentsBuilder.fromPath("/registry/platforms").queryParams(filters).queryParam("page", page)
                .queryParam("size", size).encode().toUriString();
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static int integer(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
