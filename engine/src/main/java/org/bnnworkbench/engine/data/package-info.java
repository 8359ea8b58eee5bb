/**
 * Image classification data sets: reading them (IDX, CIFAR-10 binary), finding them on disk
 * ({@link org.bnnworkbench.engine.data.DatasetCatalog}), and handing them to the trainer as normalised floats.
 *
 * <p>Every reader checks what it reads against what the file says about itself and throws a
 * {@link org.bnnworkbench.engine.data.DatasetException} naming the file and the problem: a truncated download
 * must never turn into a silently shorter or shifted data set, because a model trained on that would look
 * merely "worse" and nobody would find out why.
 */
package org.bnnworkbench.engine.data;
