package studio.backprop.spec;

/** A setting of a layer cannot be used as typed; the message says which, what was typed and what is allowed. */
public class SettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final String layer;
    private final String key;

    public SettingException(String layer, String key, String message) {
        super(message);
        this.layer = layer;
        this.key = key;
    }

    public String layer() {
        return layer;
    }

    public String key() {
        return key;
    }
}
