package com.eoc.accounts.command.avatar;

/** Why an uploaded image is refused. */
public final class AvatarRejections {

    private AvatarRejections() {
    }

    /** Not PNG, JPEG or GIF, judged by the bytes, whatever the file name or declared type says. */
    public static class UnsupportedImageTypeException extends RuntimeException {
        public UnsupportedImageTypeException() {
            super("the image must be a PNG, JPEG or GIF file");
        }
    }

    /** Recognised type, but the bytes can't be read as an image of that type. */
    public static class CorruptImageException extends IllegalArgumentException {
        public CorruptImageException(String reason) {
            super("the image could not be read: " + reason);
        }
    }

    /** Dimensions above the limit, found in the header before any pixel is decoded. */
    public static class ImageDimensionsTooLargeException extends IllegalArgumentException {
        public ImageDimensionsTooLargeException(int width, int height, int limit) {
            super("the image is " + width + "×" + height + " pixels; at most " + limit + "×" + limit + " is accepted");
        }
    }
}
