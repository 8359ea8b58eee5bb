package org.bnnworkbench.app.designer.view;

import javafx.scene.Node;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/** The small coloured badge that identifies a block kind on the palette and on the canvas. */
final class Glyphs {

    private Glyphs() {
    }

    static String symbol(String kind) {
        return switch (kind) {
            case "stem" -> "S";
            case "binary-conv" -> "\u00b11";
            case "dense" -> "D";
            case "improvement" -> "I";
            case "shortcut" -> "+";
            case "transition" -> "T";
            case "conv" -> "32";
            case "norm" -> "BN";
            case "pool" -> "P";
            case "classifier" -> "C";
            case "input" -> "\u25a3";
            default -> "?";
        };
    }

    /** A 26x20 badge; a Group of a shape and a text (no layout pane), cheap enough for hundreds of blocks. */
    static Node badge(String kind) {
        var box = new Rectangle(26, 20);
        box.setArcWidth(6);
        box.setArcHeight(6);
        box.getStyleClass().addAll("glyph-box", "kind-" + kind);
        var text = new Text(symbol(kind));
        text.getStyleClass().add("glyph-text");
        text.setTextOrigin(javafx.geometry.VPos.CENTER);
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        text.setWrappingWidth(26);
        text.setY(10);
        var badge = new javafx.scene.Group(box, text);
        badge.getStyleClass().add("glyph");
        badge.setMouseTransparent(true);
        return badge;
    }
}
