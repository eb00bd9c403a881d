/**
 * Optimisers (SGD with momentum or Nesterov, AdaGrad, RMSProp, Adam), learning-rate schedules, L1/L2 penalties
 * and decoupled weight decay, with state that can be inspected, reset, exported and imported. Start from
 * {@link studio.backprop.nn.optim.Optimizer}, which documents the order of one step.
 */
package studio.backprop.nn.optim;
