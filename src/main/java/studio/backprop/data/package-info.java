/**
 * Datasets for training: generated teaching sets, file loaders, splits and mini-batches.
 *
 * <p>A {@link studio.backprop.data.Dataset} holds features of shape (N, …sample shape) and targets of shape
 * (N, …) as float32 tensors, with its names and its task. Images are channels-last: (N, height, width,
 * channels).
 *
 * <p>Loaders ({@link studio.backprop.data.CsvLoader}, {@link studio.backprop.data.IdxLoader},
 * {@link studio.backprop.data.ImageFolderLoader}) either return a whole dataset or throw a
 * {@link studio.backprop.data.DatasetException} whose message names the file, the line or record, and what is
 * wrong; they never return part of a file.
 *
 * <p>Counting: Java indices (sample indices, column indices passed to methods) start at 0; everything a person
 * reads in a message (line numbers, record numbers, column numbers) starts at 1.
 *
 * <p>All randomness comes from the engine's {@link studio.backprop.tensor.Rng}, so one seed reproduces the
 * data, the splits and the batch order. The package uses only the JDK and {@code studio.backprop.tensor}.
 */
package studio.backprop.data;
