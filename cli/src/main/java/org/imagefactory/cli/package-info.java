/**
 * The command line, {@code java -jar imagefactory-cli.jar --out DIR [options] FILE_OR_FOLDER...}: writes one
 * variant of each image at its cache-naming path, the same path the build plugin and the servlet filter use. Its
 * own artifact, {@code imagefactory-cli}, an executable jar with the core and the ImageIO plugins inside, so the
 * core a library user depends on carries no {@code main}.
 */
package org.imagefactory.cli;
