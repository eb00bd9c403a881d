package studio.backprop.data;

/** A CSV file read as a dataset, with the encoder fitted on it (to read validation and test files the same way). */
public record CsvFit(Dataset dataset, CsvEncoder encoder) {
}
