package cn.gov.wenzhou.kjj.support.app;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** Echoes the business dates it was given, the way a service reads an optional date ("today when omitted"). */
@RestController
public class DateTestController {

    public record DatedRequest(LocalDate on, List<LocalDate> also) {
    }

    @PostMapping("/dated")
    public String dated(@RequestBody DatedRequest request) {
        return describe(request.on()) + " " + (request.also() == null ? "[]" : request.also());
    }

    @GetMapping("/dated")
    public String datedQuery(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                             @RequestParam(required = false) LocalDate plain) {
        return describe(on) + " " + describe(plain);
    }

    private static String describe(LocalDate date) {
        return date == null ? "absent" : date.toString();
    }
}
