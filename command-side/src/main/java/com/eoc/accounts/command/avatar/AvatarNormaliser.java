package com.eoc.accounts.command.avatar;

import com.eoc.accounts.command.avatar.AvatarRejections.CorruptImageException;
import com.eoc.accounts.command.avatar.AvatarRejections.ImageDimensionsTooLargeException;
import com.eoc.accounts.command.avatar.AvatarRejections.UnsupportedImageTypeException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an upload into the avatar that is stored: the type recognised from the bytes, the
 * dimensions checked from the header before decoding, then the picture re-encoded as a PNG of
 * at most {@value #MAX_SIDE}×{@value #MAX_SIDE}. Re-encoding drops everything but the pixels
 * (EXIF, GPS, comments, anything appended to the file).
 */
public final class AvatarNormaliser {

    public static final int MAX_SIDE = 512;
    public static final int MAX_SOURCE_SIDE = 8000;
    public static final String STORED_TYPE = "image/png";

    private AvatarNormaliser() {
    }

    /** The image types accepted, recognised by their first bytes. */
    enum SourceType {
        PNG("png"), JPEG("jpeg"), GIF("gif");

        final String formatName;

        SourceType(String formatName) {
            this.formatName = formatName;
        }

        static SourceType sniff(byte[] bytes) {
            if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                return PNG;
            }
            if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
                return JPEG;
            }
            if (startsWith(bytes, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 'G', 'I', 'F', '8', '9', 'a')) {
                return GIF;
            }
            throw new UnsupportedImageTypeException();
        }

        private static boolean startsWith(byte[] bytes, int... magic) {
            if (bytes.length < magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if ((bytes[i] & 0xFF) != magic[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The avatar to store: PNG bytes and their dimensions. */
    public record Normalised(byte[] png, int width, int height) {
    }

    public static Normalised normalise(byte[] upload) {
        SourceType type = SourceType.sniff(upload);
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            ImageReader reader = readerFor(type);
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE) {
                    throw new ImageDimensionsTooLargeException(width, height, MAX_SOURCE_SIDE);
                }
                if (width < 1 || height < 1) {
                    throw new CorruptImageException("it has no pixels");
                }
                BufferedImage decoded = reader.read(0, subsampled(width, height, reader.getDefaultReadParam()));
                return encode(scaleDown(decoded, width, height));
            } finally {
                reader.dispose();
            }
        } catch (CorruptImageException | ImageDimensionsTooLargeException rejection) {
            throw rejection;
        } catch (IOException | RuntimeException unreadable) {
            // ImageIO reports a damaged file with exceptions of many kinds, checked and not
            throw new CorruptImageException("it is not a valid " + type.formatName.toUpperCase(Locale.ROOT) + " file");
        }
    }

    private static ImageReader readerFor(SourceType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName);
        if (!readers.hasNext()) {
            throw new IllegalStateException("this JVM has no " + type.formatName + " reader");
        }
        return readers.next();
    }

    // Decode no more pixels than needed: every n-th pixel of a large image is still at least
    // twice the final size, which keeps memory bounded and the downscale sharp.
    private static ImageReadParam subsampled(int width, int height, ImageReadParam param) {
        int step = Math.max(1, Math.max(width, height) / (MAX_SIDE * 2));
        param.setSourceSubsampling(step, step, 0, 0);
        return param;
    }

    private static BufferedImage scaleDown(BufferedImage source, int originalWidth, int originalHeight) {
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(originalWidth, originalHeight));
        int width = Math.max(1, (int) Math.round(originalWidth * scale));
        int height = Math.max(1, (int) Math.round(originalHeight * scale));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static Normalised encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding into memory failed", e);
        }
        return new Normalised(out.toByteArray(), image.getWidth(), image.getHeight());
    }
}
