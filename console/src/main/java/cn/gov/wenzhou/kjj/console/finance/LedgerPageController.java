package cn.gov.wenzhou.kjj.console.finance;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.backend.PageCalls;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.io.IOException;
import java.util.Map;

/**
 * The money ledger for finance: the signed head, how far the chain is behind the event store, and the three
 * downloads the standalone verifier takes (the head, the public key, the export), streamed from funding-service
 * through the console. The page checks nothing itself: the point of the ledger is that finance need not trust us,
 * so it says how to run the verifier on what was downloaded.
 */
@Controller
public class LedgerPageController {

    private final Backends backends;
    private final PageCalls calls;

    public LedgerPageController(Backends backends, PageCalls calls) {
        this.backends = backends;
        this.calls = calls;
    }

    @GetMapping("/finance/ledger")
    public String ledger(Model model) {
        PageCalls.Call<Map<String, Object>> head = calls.start(() -> backends.funding()
                .getMap(uri -> uri.path("/api/audit/ledger/head").build()));
        PageCalls.Call<Map<String, Object>> status = calls.start(() -> backends.funding()
                .getMap(uri -> uri.path("/api/audit/ledger/status").build()));
        calls.all(head, status);
        model.addAttribute("head", head.get());
        model.addAttribute("status", status.get());
        return "finance/ledger";
    }

    @GetMapping("/finance/ledger/head.json")
    public void head(HttpServletResponse response) throws IOException {
        download("/api/audit/ledger/head", "head.json", response);
    }

    @GetMapping("/finance/ledger/public-key.pem")
    public void publicKey(HttpServletResponse response) throws IOException {
        download("/api/audit/ledger/public-key", "public-key.pem", response);
    }

    @GetMapping("/finance/ledger/ledger.jsonl")
    public void export(HttpServletResponse response) throws IOException {
        download("/api/audit/ledger/export", "ledger.jsonl", response);
    }

    /** Streams the service's answer as a file named as the verifier's usage names it. */
    private void download(String path, String fileName, HttpServletResponse response) throws IOException {
        backends.funding().download(uri -> uri.path(path).build(), headers -> {
            response.setStatus(HttpServletResponse.SC_OK);
            if (headers.getContentType() != null) {
                response.setContentType(headers.getContentType().toString());
            }
            String sequence = headers.getFirst("Ledger-Sequence");
            if (sequence != null) {
                response.setHeader("Ledger-Sequence", sequence);
            }
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        }, response.getOutputStream());
    }
}
