package org.imagefactory.core.internal.color;

import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

import org.imagefactory.core.internal.color.IccProfiles;
import org.w3c.dom.Node;

/**
 * The JDK's PNG reader ignores an {@code iCCP} chunk and hands back the stored values as if they were sRGB;
 * browsers apply the profile. Screenshots on a Mac carry Display P3, so without this their colours would shift.
 * Finds the profile of a decoded PNG for {@link IccProfiles#toSrgb}, which leaves sRGB-tagged images alone.
 */
public final class PngColorProfile {

    private static final String FORMAT = "javax_imageio_png_1.0";

    private PngColorProfile() {
    }

    /** Applies the profile of the iCCP chunk an ImageIO reader has read, if any. */
    public static BufferedImage apply(ImageReader reader, BufferedImage image) {
        return apply(iccp(reader), image);
    }

    /**
     * Applies an embedded profile.
     *
     * @param iccp the iCCP chunk's profile, zlib-compressed as stored or already inflated; null when there is none
     */
    public static BufferedImage apply(byte[] iccp, BufferedImage image) {
        ICC_Profile profile = profile(iccp);
        return profile == null ? image : IccProfiles.toSrgb(image, profile);
    }

    /** The iCCP chunk's profile as the reader hands it over, or {@code null} when there is none. */
    private static byte[] iccp(ImageReader reader) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(0);
            if (metadata == null || !FORMAT.equals(metadata.getNativeMetadataFormatName())) {
                return null;
            }
            for (Node node = metadata.getAsTree(FORMAT).getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node.getNodeName().equals("iCCP") && node instanceof IIOMetadataNode chunk
                        && chunk.getUserObject() instanceof byte[] data) {
                    return data;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // Unreadable metadata is treated like a missing profile.
        }
        return null;
    }

    /** The profile, or {@code null} when there is none or it cannot be read. */
    private static ICC_Profile profile(byte[] iccp) {
        if (iccp == null) {
            return null;
        }
        try {
            // JDK 17's reader hands over the profile as stored in the chunk, zlib-compressed; later JDKs inflate it.
            return ColorProfiles.parse(ColorProfiles.isProfile(iccp) ? iccp : inflate(iccp));
        } catch (DataFormatException e) {
            // A damaged profile is ignored, as browsers do: the pixels are shown as sRGB.
            return null;
        }
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 3);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("the iCCP profile is cut short");
                }
                out.write(buffer, 0, n);
                if (out.size() > ColorProfiles.MAX_PROFILE_BYTES) {
                    throw new DataFormatException("the iCCP profile is over " + ColorProfiles.MAX_PROFILE_BYTES
                            + " bytes");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
