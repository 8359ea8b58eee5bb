package org.bnnworkbench.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Each block kind's JSON fields: written in a fixed order, read strictly. */
final class BlockCodec {

    static final List<String> KINDS = List.of("stem", "conv", "binary-conv", "dense", "improvement", "shortcut",
            "transition", "pool", "norm", "classifier");

    private BlockCodec() {
    }

    static ObjectNode write(ObjectMapper mapper, Block b) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", b.id());
        o.put("kind", b.kind());
        var inputs = o.putArray("inputs");
        b.inputs().forEach(inputs::add);
        if (b instanceof StemBlock s) {
            o.put("type", s.type().id());
            o.put("channels", s.channels());
            o.put("relu", s.relu());
        } else if (b instanceof ConvBlock c) {
            o.put("channels", c.channels());
            o.put("kernel", c.kernel());
            o.put("stride", c.stride());
            o.put("padding", c.padding());
            o.put("dilation", c.dilation());
            o.put("groups", c.groups());
            o.put("norm", c.norm());
            o.put("relu", c.relu());
            o.put("bias", c.bias());
        } else if (b instanceof BinaryConvBlock c) {
            o.put("channels", c.channels());
            o.put("kernel", c.kernel());
            o.put("stride", c.stride());
            o.put("dilation", c.dilation());
            o.put("groups", c.groups());
            o.put("normFirst", c.normFirst());
        } else if (b instanceof DenseBlock d) {
            o.put("growth", d.growth());
            o.put("dilation", d.dilation());
        } else if (b instanceof ImprovementBlock i) {
            o.put("growth", i.growth());
            o.put("dilation", i.dilation());
        } else if (b instanceof ShortcutBlock s) {
            o.put("downsample", s.downsample().id());
            o.put("relu", s.relu());
        } else if (b instanceof TransitionBlock t) {
            o.put("channels", t.channels());
            o.put("pool", t.pool().id());
            o.put("groups", t.groups());
            o.put("shuffle", t.shuffleGroups());
        } else if (b instanceof PoolBlock p) {
            o.put("type", p.max() ? "max" : "avg");
            o.put("kernel", p.kernel());
            o.put("stride", p.stride());
            o.put("padding", p.padding());
        } else if (b instanceof NormBlock n) {
            o.put("relu", n.relu());
        } else if (b instanceof ClassifierBlock c) {
            o.put("classes", c.classes());
            o.put("norm", c.norm());
            o.put("relu", c.relu());
        }
        return o;
    }

    static Block read(JsonNode o, int index) {
        String id = o.has("id") && o.get("id").isTextual() ? o.get("id").asText() : null;
        String where = id != null ? id : "#" + (index + 1);
        if (id == null) {
            throw new SpecException(where, "missing 'id' (text)");
        }
        String kind = Fields.text(o, id, "kind");
        List<String> inputs = Fields.texts(o, id, "inputs");
        List<String> common = List.of("id", "kind", "inputs");
        return switch (kind) {
            case "stem" -> {
                known(o, id, common, "type", "channels", "relu");
                yield new StemBlock(id, inputs, StemBlock.Type.parse(id, Fields.text(o, id, "type")),
                        Fields.integer(o, id, "channels"), Fields.bool(o, id, "relu", true));
            }
            case "conv" -> {
                known(o, id, common, "channels", "kernel", "stride", "padding", "dilation", "groups", "norm", "relu", "bias");
                int kernel = Fields.integer(o, id, "kernel", 3);
                int dilation = Fields.integer(o, id, "dilation", 1);
                yield new ConvBlock(id, inputs, Fields.integer(o, id, "channels"), kernel,
                        Fields.integer(o, id, "stride", 1), Fields.integer(o, id, "padding", dilation * (kernel / 2)),
                        dilation, Fields.integer(o, id, "groups", 1), Fields.bool(o, id, "norm", true),
                        Fields.bool(o, id, "relu", true), Fields.bool(o, id, "bias", false));
            }
            case "binary-conv" -> {
                known(o, id, common, "channels", "kernel", "stride", "dilation", "groups", "normFirst");
                yield new BinaryConvBlock(id, inputs, Fields.integer(o, id, "channels"), Fields.integer(o, id, "kernel", 3),
                        Fields.integer(o, id, "stride", 1), Fields.integer(o, id, "dilation", 1),
                        Fields.integer(o, id, "groups", 1), Fields.bool(o, id, "normFirst", true));
            }
            case "dense" -> {
                known(o, id, common, "growth", "dilation");
                yield new DenseBlock(id, inputs, Fields.integer(o, id, "growth"), Fields.integer(o, id, "dilation", 1));
            }
            case "improvement" -> {
                known(o, id, common, "growth", "dilation");
                yield new ImprovementBlock(id, inputs, Fields.integer(o, id, "growth"), Fields.integer(o, id, "dilation", 1));
            }
            case "shortcut" -> {
                known(o, id, common, "downsample", "relu");
                String d = o.has("downsample") ? Fields.text(o, id, "downsample") : "identity";
                yield new ShortcutBlock(id, inputs, ShortcutBlock.Downsample.parse(id, d), Fields.bool(o, id, "relu", false));
            }
            case "transition" -> {
                known(o, id, common, "channels", "pool", "groups", "shuffle");
                String pool = o.has("pool") ? Fields.text(o, id, "pool") : "max";
                yield new TransitionBlock(id, inputs, Fields.integer(o, id, "channels"),
                        TransitionBlock.Pooling.parse(id, pool), Fields.integer(o, id, "groups", 1),
                        Fields.integer(o, id, "shuffle", 0));
            }
            case "pool" -> {
                known(o, id, common, "type", "kernel", "stride", "padding");
                String type = o.has("type") ? Fields.text(o, id, "type") : "max";
                if (!type.equals("max") && !type.equals("avg")) {
                    throw new SpecException(id, "pool type must be max or avg, got '" + type + "'");
                }
                int kernel = Fields.integer(o, id, "kernel", 2);
                yield new PoolBlock(id, inputs, type.equals("max"), kernel, Fields.integer(o, id, "stride", kernel),
                        Fields.integer(o, id, "padding", 0));
            }
            case "norm" -> {
                known(o, id, common, "relu");
                yield new NormBlock(id, inputs, Fields.bool(o, id, "relu", false));
            }
            case "classifier" -> {
                known(o, id, common, "classes", "norm", "relu");
                yield new ClassifierBlock(id, inputs, Fields.integer(o, id, "classes"), Fields.bool(o, id, "norm", true),
                        Fields.bool(o, id, "relu", true));
            }
            default -> throw new SpecException(id, "unknown block kind '" + kind + "' (known: " + String.join(", ", KINDS) + ")");
        };
    }

    private static void known(JsonNode o, String id, List<String> common, String... specific) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(specific));
        Fields.onlyKnown(o, id, all);
    }
}
