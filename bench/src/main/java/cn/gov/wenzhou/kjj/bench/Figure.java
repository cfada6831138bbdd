package cn.gov.wenzhou.kjj.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured figure: the summary over its repetitions, the raw samples and whatever explains it.
 *
 * @param number  the number (1 to 8), or a letter for supporting figures
 * @param key     stable JSON key
 * @param title   what was measured, in words
 * @param unit    unit of the samples
 * @param summary median and spread of the samples
 * @param samples every sample, in the order taken
 * @param details conditions and side measurements (event counts, sizes, settings)
 */
record Figure(String number, String key, String title, String unit, Stats.Summary summary, double[] samples,
              Map<String, Object> details) {

    static Figure of(String number, String key, String title, String unit, double[] samples) {
        return new Figure(number, key, title, unit, Stats.of(samples), samples, new LinkedHashMap<>());
    }

    Figure with(String detail, Object value) {
        details.put(detail, value);
        return this;
    }

    double median() {
        return summary.median();
    }
}
