/**
 * One Digest in, files out: Word through Apache POI, PDF through OpenPDF 2.0.x. Each renderer
 * writes to a temporary file and moves it into place, so a crash never leaves half a digest.
 */
package org.watchbrief.render;
