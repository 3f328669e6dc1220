package com.eoc.accounts.command.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eoc.accounts.command.avatar.AvatarRejections.CorruptImageException;
import com.eoc.accounts.command.avatar.AvatarRejections.ImageDimensionsTooLargeException;
import com.eoc.accounts.command.avatar.AvatarRejections.UnsupportedImageTypeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class AvatarNormaliserTest {

    @Test
    void largePngIsScaledDownToFitWithinTheLimitKeepingItsAspectRatio() throws IOException {
        AvatarNormaliser.Normalised avatar = AvatarNormaliser.normalise(image("png", 2000, 1000));

        assertThat(avatar.width()).isEqualTo(512);
        assertThat(avatar.height()).isEqualTo(256);
        assertThat(read(avatar.png())).extracting(BufferedImage::getWidth, BufferedImage::getHeight)
                .containsExactly(512, 256);
    }

    @Test
    void smallImagesKeepTheirSizeAndJpegAndGifBecomePng() throws IOException {
        for (String format : new String[] {"jpeg", "gif", "png"}) {
            AvatarNormaliser.Normalised avatar = AvatarNormaliser.normalise(image(format, 64, 48));

            assertThat(avatar.width()).isEqualTo(64);
            assertThat(avatar.height()).isEqualTo(48);
            assertThat(Arrays.copyOf(avatar.png(), 4)).containsExactly(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void textHiddenInTheUploadIsNotInTheStoredImage() throws IOException {
        byte[] upload = withTextChunk(image("png", 40, 40), "GPS 51.5007N 0.1246W secret");

        AvatarNormaliser.Normalised avatar = AvatarNormaliser.normalise(upload);

        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("GPS 51.5007N");
        assertThat(new String(avatar.png(), StandardCharsets.ISO_8859_1)).doesNotContain("GPS").doesNotContain("tEXt");
        assertThat(textEntries(avatar.png())).isZero();
    }

    @Test
    void typeIsJudgedByContentNotName() {
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AvatarNormaliser.normalise(svg)).isInstanceOf(UnsupportedImageTypeException.class);
        assertThatThrownBy(() -> AvatarNormaliser.normalise(new byte[0]))
                .isInstanceOf(UnsupportedImageTypeException.class);
    }

    @Test
    void truncatedImageIsCorrupt() throws IOException {
        byte[] png = image("png", 100, 100);

        assertThatThrownBy(() -> AvatarNormaliser.normalise(Arrays.copyOf(png, 40)))
                .isInstanceOf(CorruptImageException.class)
                .hasMessageContaining("not a valid PNG");
    }

    @Test
    void dimensionsAboveTheLimitAreRefusedFromTheHeaderAlone() throws IOException {
        // a PNG header that claims 9000×9000 pixels, followed by no pixel data at all:
        // refused as too large, not as corrupt, so the header is all that was read
        byte[] header = pngHeader(9000, 9000);

        assertThatThrownBy(() -> AvatarNormaliser.normalise(header))
                .isInstanceOf(ImageDimensionsTooLargeException.class)
                .hasMessageContaining("9000×9000");
    }

    @Test
    void exactlyTheLimitIsNotRefusedForItsSize() throws IOException {
        byte[] header = pngHeader(8000, 8000);

        // no pixel data: it gets as far as decoding, which fails
        assertThatThrownBy(() -> AvatarNormaliser.normalise(header)).isInstanceOf(CorruptImageException.class);
    }

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static int textEntries(byte[] png) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            reader.setInput(input);
            IIOMetadata metadata = reader.getImageMetadata(0);
            var tree = metadata.getAsTree("javax_imageio_png_1.0");
            int count = 0;
            for (var node = tree.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node.getNodeName().equals("tEXt") || node.getNodeName().equals("iTXt")
                        || node.getNodeName().equals("zTXt")) {
                    count++;
                }
            }
            return count;
        }
    }

    /** Inserts a tEXt chunk right after IHDR, as cameras and editors do with metadata. */
    private static byte[] withTextChunk(byte[] png, String text) {
        byte[] data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        byte[] chunk = chunk("tEXt", data);
        int afterHeader = 8 + 25;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.write(chunk, 0, chunk.length);
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    private static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        out.writeBytes(chunk("IHDR", ihdr));
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] chunk = new byte[12 + data.length];
        putInt(chunk, 0, data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(typeBytes, 0, chunk, 4, 4);
        System.arraycopy(data, 0, chunk, 8, data.length);
        CRC32 crc = new CRC32();
        crc.update(chunk, 4, 4 + data.length);
        putInt(chunk, 8 + data.length, (int) crc.getValue());
        return chunk;
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
