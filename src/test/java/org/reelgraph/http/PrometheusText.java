package org.reelgraph.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape in the Prometheus text format (0.0.4), read back: samples by name and labels, and the declared types. */
record PrometheusText(List<Sample> samples, Map<String, String> types) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$");

    record Sample(String name, Map<String, String> labels, double value) {}

    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                types.put(type.group(1), type.group(2));
                continue;
            }
            if (line.isBlank() || line.startsWith("#"))
                continue;
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches())
                throw new AssertionError("not a sample line: " + line);
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher label = LABEL.matcher(m.group(2));
                while (label.find())
                    labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3).replace("+Inf", "Infinity"))));
        }
        return new PrometheusText(samples, types);
    }

    /** The value of the sample with exactly these labels ({@code "route", "/api/films/{slug}", ...}); 0 when absent. */
    double value(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2)
            wanted.put(labels[i], labels[i + 1]);
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(wanted))
                .mapToDouble(Sample::value).findFirst().orElse(0);
    }

    List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }
}
