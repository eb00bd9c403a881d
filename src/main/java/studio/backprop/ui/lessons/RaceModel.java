package studio.backprop.ui.lessons;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The optimiser race without a view: one surface, one start, a number of steps, and for each optimiser whether it
 * runs and its settings; every optimiser descends from the same start with autograd's gradients and its own
 * engine update.
 */
public final class RaceModel {

    /** One optimiser's settings: whether it runs, η, and the rest in the order of its setting names. */
    public record Entry(boolean enabled, double eta, double[] settings) {
        public Entry {
            settings = settings.clone();
        }

        @Override
        public double[] settings() {
            return settings.clone();
        }
    }

    /** One optimiser's path. */
    public record Lane(Racer racer, DescentPath path) {
    }

    private Objective surface = Objective.ROSENBROCK;
    private double[] start = surface.start();
    private int steps = 400;
    private final Map<Racer, Entry> entries = new EnumMap<>(Racer.class);

    public RaceModel() {
        resetSettings();
    }

    /** Every optimiser on, with the defaults that suit the surface. */
    public void resetSettings() {
        for (Racer r : Racer.values()) {
            entries.put(r, new Entry(true, r.defaultEta(surface), r.defaultSettings()));
        }
    }

    public Objective surface() {
        return surface;
    }

    /** A 2-D surface; the start moves to its default and the learning rates to the ones that suit it. */
    public void setSurface(Objective newSurface) {
        if (newSurface.dimensions() != 2) {
            throw new IllegalArgumentException("the race runs on a surface f(x, y); " + newSurface.label()
                    + " is a curve");
        }
        surface = newSurface;
        start = newSurface.start();
        for (Racer r : Racer.values()) {
            Entry e = entries.get(r);
            entries.put(r, new Entry(e.enabled(), r.defaultEta(newSurface), e.settings()));
        }
    }

    public double[] start() {
        return start.clone();
    }

    public void setStart(double x, double y) {
        start = new double[] {x, y};
    }

    public int steps() {
        return steps;
    }

    /** How many updates each optimiser makes: 1 to 20,000. */
    public void setSteps(int value) {
        if (value < 1 || value > 20_000) {
            throw new IllegalArgumentException("the number of steps must be a whole number from 1 to 20000; got "
                    + value);
        }
        steps = value;
    }

    public Entry entry(Racer racer) {
        return entries.get(racer);
    }

    /**
     * Changes one optimiser's settings; the engine's optimiser checks them, so a refused value (a negative η, μ
     * of 1) is refused here in its words and the old settings stay.
     */
    public void setEntry(Racer racer, Entry entry) {
        racer.create(entry.eta(), entry.settings());
        entries.put(racer, entry);
    }

    /** Every enabled optimiser from the same start for the same number of steps (stopping early only on ε = 1e-9). */
    public List<Lane> run() {
        List<Lane> lanes = new ArrayList<>();
        for (Racer r : Racer.values()) {
            Entry e = entries.get(r);
            if (e.enabled()) {
                lanes.add(new Lane(r, Descent.run(surface, r.create(e.eta(), e.settings()), start, 1e-9, steps)));
            }
        }
        return lanes;
    }

    /** A copy to run in the background while the original goes on changing. */
    public RaceModel copy() {
        RaceModel c = new RaceModel();
        c.surface = surface;
        c.start = start.clone();
        c.steps = steps;
        c.entries.putAll(entries);
        return c;
    }
}
