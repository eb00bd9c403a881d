/**
 * Weight initialisers (zeros, constant, uniform, normal, Glorot, He, LeCun), each with a name for files and the
 * UI, driven by the engine's seeded {@link studio.backprop.tensor.Rng}, and the fan computation they scale by.
 * Start from {@link studio.backprop.nn.init.Initializer}.
 */
package studio.backprop.nn.init;
