package studio.backprop.train;

/**
 * One step of a GAN, labelled by the network it updated: the same immutable {@link StepRecord} the trainer makes for
 * one network (its tape, the parameters of both networks before and after, the stepped network's gradients), with
 * the parts of the discriminator's loss.
 *
 * <p>A discriminator step's record holds three passes, named by prefix: {@code D(real):} the discriminator on the
 * real batch, {@code G:} the generator making the fakes, {@code D(fake):} the discriminator on them; then
 * {@code loss/real} = −mean log σ(l(x)), {@code loss/fake} = −mean log(1 − σ(l(G(z)))) and their sum {@code loss}.
 * A generator step's record holds {@code G:} and {@code D:} and the generator's loss.
 *
 * @param network     the network the step updated
 * @param roundStep   which step of its round this was: 1 to k for the discriminator, k + 1 for the generator
 * @param lossOnReal  the discriminator's loss on the real batch (NaN for a generator step)
 * @param lossOnFake  the discriminator's loss on the generated batch (NaN for a generator step)
 * @param record      the step itself; {@code record.loss()} is L_D or L_G, before the update
 */
public record GanStep(GanRule.Phase network, int roundStep, float lossOnReal, float lossOnFake, StepRecord record) {

    /** "D" or "G". */
    public String label() {
        return network == GanRule.Phase.DISCRIMINATOR ? "D" : "G";
    }

    /** "the discriminator" or "the generator". */
    public String networkName() {
        return network == GanRule.Phase.DISCRIMINATOR ? "the discriminator" : "the generator";
    }
}
