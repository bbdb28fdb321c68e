package dev.s3resizer.core.animate;

import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.ImageTooLargeException;
import dev.s3resizer.core.Limits;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.RenditionResult;
import dev.s3resizer.core.fixture.Codecs;
import dev.s3resizer.core.fixture.Pictures;
import dev.s3resizer.core.fixture.Similarity;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code animated} renditions of an animated GIF: every frame resized, as shown, with its timing and loop count. */
class AnimatedGifTest {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";
    private static final int RED = 0xC83C28;
    private static final int BLUE = 0x2878C8;
    private static final int YELLOW = 0xF0DC3C;

    /** 64x64 screen: red, then a blue 32x32 patch at (16,16) over it (disposal none), then yellow; loops 3 times. */
    private static final byte[] GIF = gif(3, new Frame(Pictures.filled(64, 64, 0xFF000000 | RED), 0, 0, 10),
            new Frame(Pictures.filled(32, 32, 0xFF000000 | BLUE), 16, 16, 20),
            new Frame(Pictures.filled(64, 64, 0xFF000000 | YELLOW), 0, 0, 30));

    private final ImageResizer resizer = new ImageResizer(Limits.DEFAULT);

    @Test
    void everyFrameIsResizedAsShownWithItsDelayAndTheLoopCount() throws Exception {
        List<RenditionResult> out = resizer.render(GIF, List.of(Rendition.parse("still", "32,png"),
                Rendition.parse("moving", "32,animated")));

        assertThat(out.get(0).format()).isEqualTo(ImageFormat.PNG);
        assertThat(Similarity.rgb(Codecs.decode(out.get(0).bytes()), 16, 16)).containsExactly(200, 60, 40);
        RenditionResult moving = out.get(1);
        assertThat(moving.format()).isEqualTo(ImageFormat.GIF);
        assertThat(moving.mediaType()).isEqualTo("image/gif");
        assertThat(new int[] {moving.width(), moving.height()}).containsExactly(32, 32);
        Read read = read(moving.bytes());
        assertThat(read.delays).containsExactly(10, 20, 30);
        assertThat(read.loops).isEqualTo(3);
        assertThat(close(read.frames.get(0).getRGB(4, 4), RED)).isTrue();
        assertThat(close(read.frames.get(1).getRGB(16, 16), BLUE)).isTrue();
        assertThat(close(read.frames.get(1).getRGB(2, 2), RED)).as("the patch is drawn over the red screen").isTrue();
        assertThat(close(read.frames.get(2).getRGB(16, 16), YELLOW)).isTrue();
        assertThat(resizer.inspect(moving.bytes()).frames()).isEqualTo(3);
    }

    @Test
    void stillSourcesAndTheDefaultTakeTheFirstFrame() {
        RenditionResult first = resizer.render(GIF, Rendition.parse("m", "32,png"));
        RenditionResult still = resizer.render(Codecs.png(Pictures.filled(64, 64, 0xFF000000 | BLUE)),
                Rendition.parse("m", "32,png,animated"));

        assertThat(first.format()).isEqualTo(ImageFormat.PNG);
        assertThat(still.format()).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void allFramesTogetherCountAgainstThePixelLimit() {
        ImageResizer small = new ImageResizer(new Limits(1 << 20, 3 * 64 * 64 - 1, 1000));

        assertThatThrownBy(() -> small.render(GIF, Rendition.parse("m", "32,animated")))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("animated GIF of 3 frames of 64x64 is 12288 pixels in all");
        assertThat(small.render(GIF, Rendition.parse("m", "32,png")).width()).isEqualTo(32);
    }

    private static boolean close(int argb, int rgb) {
        return Similarity.distance(new int[] {(argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF},
                new int[] {rgb >> 16, (rgb >> 8) & 0xFF, rgb & 0xFF}) < 20;
    }

    private record Frame(BufferedImage image, int left, int top, int delay) {
    }

    private record Read(List<BufferedImage> frames, List<Integer> delays, int loops) {
    }

    private static Read read(byte[] gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(gif)));
        List<BufferedImage> frames = new ArrayList<>();
        List<Integer> delays = new ArrayList<>();
        int loops = -1;
        for (int i = 0; i < reader.getNumImages(true); i++) {
            frames.add(reader.read(i));
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(FORMAT);
            IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
            delays.add(Integer.parseInt(control.getAttribute("delayTime")));
            var apps = root.getElementsByTagName("ApplicationExtension");
            if (i == 0 && apps.getLength() > 0) {
                byte[] data = (byte[]) ((IIOMetadataNode) apps.item(0)).getUserObject();
                loops = (data[1] & 0xFF) | (data[2] & 0xFF) << 8;
            }
        }
        return new Read(frames, delays, loops);
    }

    private static byte[] gif(int loops, Frame... frames) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                IIOMetadata stream = writer.getDefaultStreamMetadata(null);
                IIOMetadataNode streamRoot = (IIOMetadataNode) stream.getAsTree("javax_imageio_gif_stream_1.0");
                IIOMetadataNode screen = (IIOMetadataNode) streamRoot.getElementsByTagName("LogicalScreenDescriptor")
                        .item(0);
                screen.setAttribute("logicalScreenWidth", "64");
                screen.setAttribute("logicalScreenHeight", "64");
                stream.setFromTree("javax_imageio_gif_stream_1.0", streamRoot);
                writer.prepareWriteSequence(stream);
                boolean first = true;
                for (Frame f : frames) {
                    IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(f.image()), null);
                    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
                    IIOMetadataNode descriptor = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
                    descriptor.setAttribute("imageLeftPosition", String.valueOf(f.left()));
                    descriptor.setAttribute("imageTopPosition", String.valueOf(f.top()));
                    IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension")
                            .item(0);
                    control.setAttribute("delayTime", String.valueOf(f.delay()));
                    control.setAttribute("disposalMethod", "none");
                    if (first) {
                        IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
                        IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                        app.setAttribute("applicationID", "NETSCAPE");
                        app.setAttribute("authenticationCode", "2.0");
                        app.setUserObject(new byte[] {1, (byte) loops, 0});
                        apps.appendChild(app);
                        root.appendChild(apps);
                        first = false;
                    }
                    meta.setFromTree(FORMAT, root);
                    writer.writeToSequence(new IIOImage(f.image(), null, meta), null);
                }
                writer.endWriteSequence();
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
