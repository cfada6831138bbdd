package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.query.AuditFilter;
import cn.gov.wenzhou.kjj.funding.query.AuditTrail;
import cn.gov.wenzhou.kjj.funding.query.MoneyEventRow;
import cn.gov.wenzhou.kjj.csv.CsvCells;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Exports of the audit trail. Rows come one at a time from a database cursor and go straight out: CSV is written as
 * it is read; XLSX uses POI's SXSSF, which keeps a window of 100 rows in memory and spills the rest to a temporary
 * file, so memory stays flat whatever the number of rows.
 */
final class MoneyEventExport {

    static final List<String> HEADER = List.of("position", "recorded_at", "business_date", "kind", "project_id",
            "call_id", "recipient_credit_code", "platform_id", "amount_fen", "amount_yuan", "category",
            "counter_category", "tranche_no", "actor", "actor_role", "reason", "document_ref", "parameter_version",
            "requested_by", "approved_by", "evidence_sha256");

    private MoneyEventExport() {
    }

    static void csv(AuditTrail trail, AuditFilter filter, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF'); // Excel reads UTF-8 Chinese correctly only with a BOM
        writer.write(String.join(",", HEADER));
        writer.write("\r\n");
        trail.stream(filter, row -> {
            try {
                List<Object> cells = cells(row);
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        writer.write(',');
                    }
                    writer.write(CsvCells.cell(cells.get(i)));
                }
                writer.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    static void xlsx(AuditTrail trail, AuditFilter filter, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            workbook.setCompressTempFiles(true);
            SXSSFSheet sheet = workbook.createSheet("money events");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            int[] next = {1};
            trail.stream(filter, row -> {
                Row line = sheet.createRow(next[0]++);
                List<Object> cells = cells(row);
                for (int i = 0; i < cells.size(); i++) {
                    Object value = cells.get(i);
                    if (value instanceof Long number) {
                        line.createCell(i).setCellValue(number);
                    } else if (value instanceof Integer number) {
                        line.createCell(i).setCellValue(number);
                    } else if (value != null) {
                        line.createCell(i).setCellValue(value.toString());
                    }
                }
            });
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static List<Object> cells(MoneyEventRow row) {
        return java.util.Arrays.asList(row.position(), row.recordedAt().toString(), row.businessDate().toString(),
                row.kind().name(), row.projectId(), row.callId(), row.recipientCreditCode(), row.platformId(),
                row.amountFen(), BigDecimal.valueOf(row.amountFen(), 2).toPlainString(), row.category(),
                row.counterCategory(), row.trancheNumber(), row.actor(), row.actorRole(), row.reason(),
                row.documentRef(), row.parameterVersion(), row.requestedBy(), row.approvedBy(),
                String.join(" ", row.evidence()));
    }
}
