package studio.backprop.spec;

import java.util.List;
import java.util.Locale;
import studio.backprop.nn.init.Initializer;
import studio.backprop.nn.layers.Padding;
import studio.backprop.tensor.Excerpt;

/**
 * Reads a layer's settings through its type's {@link SettingSpec}s: missing settings take their defaults, and a
 * value that cannot be read, or lies outside its range, raises a {@link SettingException} that names the layer,
 * the setting, what was typed and what is allowed.
 */
public final class LayerSettings {

    private final LayerSpec layer;
    private final LayerType type;

    LayerSettings(LayerSpec layer, LayerType type) {
        this.layer = layer;
        this.type = type;
    }

    /** The layer's name. */
    public String name() {
        return layer.name();
    }

    /** The text of a setting, or its default. */
    public String text(String key) {
        String v = layer.setting(key);
        return v != null ? v.trim() : spec(key).defaultValue();
    }

    public int integer(String key) {
        SettingSpec s = spec(key);
        String v = text(key);
        try {
            int n = Integer.parseInt(v);
            requireRange(s, n, v);
            return n;
        } catch (NumberFormatException e) {
            throw problem(key, "'" + Excerpt.of(v) + "' is not a whole number");
        }
    }

    public float decimal(String key) {
        SettingSpec s = spec(key);
        String v = text(key);
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d)) {
                throw problem(key, "NaN is not a number it can use");
            }
            requireRange(s, d, v);
            return (float) d;
        } catch (NumberFormatException e) {
            throw problem(key, "'" + Excerpt.of(v) + "' is not a number");
        }
    }

    /**
     * A decimal whose default is {@link SettingSpec#AUTO}: {@code automatic} when it is left out or written
     * "auto", otherwise the number typed (range-checked).
     */
    public float decimalOr(String key, float automatic) {
        return isAutomatic(key) ? automatic : decimal(key);
    }

    private boolean isAutomatic(String key) {
        return spec(key).defaultValue().equals(SettingSpec.AUTO) && text(key).equalsIgnoreCase(SettingSpec.AUTO);
    }

    public boolean bool(String key) {
        String v = text(key).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw problem(key, "'" + Excerpt.of(v) + "' is neither true nor false");
        };
    }

    public String choice(String key) {
        SettingSpec s = spec(key);
        String v = text(key).toLowerCase(Locale.ROOT);
        if (!s.choices().contains(v)) {
            throw problem(key, "'" + Excerpt.of(v) + "' is not one of " + String.join(", ", s.choices()));
        }
        return v;
    }

    /** An initialiser: a name, or constant(c), uniform(a, b), normal(σ) with its numbers. */
    public Initializer initializer(String key) {
        try {
            return InitializerText.parse(text(key));
        } catch (IllegalArgumentException e) {
            throw problem(key, e.getMessage());
        }
    }

    /** A window size "k" or "h×w" (also "hxw") as {height, width}. */
    public int[] size(String key) {
        String v = text(key).toLowerCase(Locale.ROOT).replace('×', 'x').replace(" ", "");
        String[] parts = v.split("x");
        try {
            int h = Integer.parseInt(parts[0]);
            int w = parts.length > 1 ? Integer.parseInt(parts[1]) : h;
            if (parts.length > 2 || h < 1 || w < 1 || h > spec(key).max() || w > spec(key).max()) {
                throw new NumberFormatException();
            }
            return new int[] {h, w};
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw problem(key, "'" + Excerpt.of(text(key)) + "' is not a size; write a number from 1 to "
                    + fmt(spec(key).max()) + " like 3, or 3x5");
        }
    }

    public Padding padding(String key) {
        String v = text(key).toLowerCase(Locale.ROOT).replace(" ", "");
        if (v.equals("valid")) {
            return Padding.VALID;
        }
        if (v.equals("same")) {
            return Padding.SAME;
        }
        int max = (int) spec(key).max();
        try {
            String[] p = v.split(",");
            int[] n = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                n[i] = Integer.parseInt(p[i]);
                if (n[i] > max) {
                    throw new NumberFormatException();
                }
            }
            if (p.length == 1) {
                return Padding.of(n[0]);
            }
            if (p.length == 4) {
                return new Padding(Padding.Mode.EXPLICIT, n[0], n[1], n[2], n[3]);
            }
        } catch (IllegalArgumentException e) {
            // handled below: not numbers, negative or too large
        }
        throw problem(key, "'" + Excerpt.of(text(key)) + "' is not a padding; write valid, same, a number from 0 to "
                + max + " like 1, or top,bottom,left,right");
    }

    private SettingSpec spec(String key) {
        return type.setting(key);
    }

    private void requireRange(SettingSpec s, double n, String typed) {
        if (n < s.min() || n > s.max()) {
            String range = s.max() >= Integer.MAX_VALUE ? "at least " + fmt(s.min())
                    : "between " + fmt(s.min()) + " and " + fmt(s.max());
            throw problem(s.key(), Excerpt.of(typed) + " is out of range; it must be " + range);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private SettingException problem(String key, String what) {
        return new SettingException(layer.name(), key, type.type() + " '" + layer.name() + "', " + key + ": " + what);
    }

    /** Every problem with the typed settings (unknown keys, unreadable values), without stopping at the first. */
    List<String> problems() {
        List<String> out = new java.util.ArrayList<>();
        for (String key : layer.settings().keySet()) {
            if (type.settings().stream().noneMatch(s -> s.key().equals(key))) {
                out.add(type.type() + " '" + layer.name() + "' has no setting '" + key + "'; its settings are "
                        + String.join(", ", type.settings().stream().map(SettingSpec::key).toList()));
            }
        }
        for (SettingSpec s : type.settings()) {
            try {
                switch (s.kind()) {
                    case INT -> integer(s.key());
                    case FLOAT -> decimalOr(s.key(), 0f);
                    case BOOL -> bool(s.key());
                    case CHOICE -> choice(s.key());
                    case SIZE -> size(s.key());
                    case PADDING -> padding(s.key());
                    case INITIALIZER -> initializer(s.key());
                }
            } catch (SettingException e) {
                out.add(e.getMessage());
            }
        }
        return out;
    }
}
