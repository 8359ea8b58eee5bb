package org.bnnworkbench.app.designer.model;

/** Where a block sits on the canvas (its top-left corner, in canvas units). */
public record Position(double x, double y) {

    public Position plus(double dx, double dy) {
        return new Position(x + dx, y + dy);
    }
}
