package studio.backprop.data;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import studio.backprop.tensor.Excerpt;
import studio.backprop.tensor.MemoryBudget;

/**
 * A CSV file as text cells with their line numbers. Fields may be quoted ("a, b", with "" for a quote mark); a
 * quoted field cannot span lines. Blank lines are skipped. Every row must have as many fields as the header.
 */
final class CsvTable {

    final String file;
    final List<String> header;
    final List<String[]> rows = new ArrayList<>();
    final List<Integer> lines = new ArrayList<>();

    private CsvTable(String file, List<String> header) {
        this.file = file;
        this.header = header;
    }

    static CsvTable read(Path path, boolean hasHeader, char delimiter) throws DatasetException {
        String file = path.getFileName().toString();
        long size = InputFiles.regularFile(path, file);
        String memory = MemoryBudget.problem(MemoryBudget.product(size, 8));
        if (memory != null) {
            throw new DatasetException(file + " holds " + MemoryBudget.text(size) + " of text; read as a table, "
                    + memory + "; use a smaller file");
        }
        List<String> text;
        try {
            text = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DatasetException(path + ": no such file");
        } catch (MalformedInputException e) {
            throw new DatasetException(file + ": not UTF-8 text; save it as UTF-8 CSV");
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        CsvTable table = null;
        for (int i = 0; i < text.size(); i++) {
            String line = i == 0 ? stripBom(text.get(i)) : text.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = split(line, delimiter, file, i + 1);
            if (table == null) {
                table = new CsvTable(file, hasHeader ? List.of(fields) : numbered(fields.length));
                if (hasHeader) {
                    continue;
                }
            }
            if (fields.length != table.header.size()) {
                throw new DatasetException(file + ": ragged row: line " + (i + 1) + " has " + fields.length
                        + " fields, the " + (hasHeader ? "header" : "first row") + " has " + table.header.size());
            }
            table.rows.add(fields);
            table.lines.add(i + 1);
        }
        if (table == null || table.rows.isEmpty()) {
            throw new DatasetException(file + ": no data rows");
        }
        return table;
    }

    /** "line 7, column 3 ('age')" for messages. */
    String where(int row, int column) {
        return file + ": line " + lines.get(row) + ", column " + (column + 1) + " ('" + Excerpt.of(header.get(column))
                + "')";
    }

    private static List<String> numbered(int n) {
        List<String> names = new ArrayList<>();
        for (int c = 1; c <= n; c++) {
            names.add("column " + c);
        }
        return names;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String[] split(String line, char delimiter, String file, int lineNumber) throws DatasetException {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            StringBuilder field = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i = quoted(line, i + 1, field, file, lineNumber);
                while (i < line.length() && line.charAt(i) != delimiter) {
                    if (!Character.isWhitespace(line.charAt(i))) {
                        throw new DatasetException(file + ": line " + lineNumber + ": text after a closing quote"
                                + " mark in field " + (fields.size() + 1));
                    }
                    i++;
                }
                fields.add(field.toString());
            } else {
                int end = line.indexOf(delimiter, i);
                end = end < 0 ? line.length() : end;
                fields.add(line.substring(i, end).trim());
                i = end;
            }
            if (i >= line.length()) {
                return fields.toArray(new String[0]);
            }
            i++;
        }
    }

    private static int quoted(String line, int i, StringBuilder field, String file, int lineNumber)
            throws DatasetException {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            field.append(c);
            i++;
        }
        throw new DatasetException(file + ": line " + lineNumber + ": a quoted field is not closed (quoted fields"
                + " cannot span lines)");
    }
}
