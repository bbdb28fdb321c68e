package dev.s3resizer.core.resample;

import dev.s3resizer.core.Rendition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Output sizes and source windows for fit, cover and width, with and without upscaling. */
class GeometryTest {

    @ParameterizedTest(name = "{0}x{1} in {2} -> {3}x{4}")
    @CsvSource({
        "4000, 3000, '1000x1000,fit', 1000, 750",
        "3000, 4000, '1000x1000,fit', 750, 1000",
        "4000, 3000, '800x200,fit', 267, 200",
        "500, 300, '1000x1000,fit', 500, 300",
        "500, 300, '1000x1000,fit,upscale', 1000, 600",
        "10000, 1, '100x100,fit', 100, 1",
        "1, 10000, '100x100,fit', 1, 100",
        "4000, 3000, '800,width', 800, 600",
        "3000, 4000, '800x10,width', 800, 1067",
        "400, 300, '800,width', 400, 300",
        "400, 300, '800,width,upscale', 800, 600",
        "4000, 3000, '320x320,cover', 320, 320",
        "4000, 3000, '300x100,cover', 300, 100",
        "200, 100, '150x150,cover', 150, 100",
        "200, 100, '150x150,cover,upscale', 150, 150",
        "100, 80, '100x80,fit', 100, 80",
    })
    void outputSize(int width, int height, String spec, int outWidth, int outHeight) {
        Plan plan = Geometry.plan(width, height, Rendition.parse("r", spec));

        assertThat(plan.outWidth()).isEqualTo(outWidth);
        assertThat(plan.outHeight()).isEqualTo(outHeight);
    }

    @Test
    void fitAndWidthUseTheWholeSource() {
        for (String spec : new String[] {"500x500,fit", "500,width", "5000,fit,upscale"}) {
            Plan plan = Geometry.plan(4000, 3000, Rendition.parse("r", spec));
            assertThat(plan.cropX()).isZero();
            assertThat(plan.cropY()).isZero();
            assertThat(plan.cropWidth()).isEqualTo(4000);
            assertThat(plan.cropHeight()).isEqualTo(3000);
        }
    }

    @Test
    void coverCropsAroundTheCentreOfAWidePicture() {
        Plan plan = Geometry.plan(4000, 3000, Rendition.parse("r", "320x320,cover"));

        assertThat(plan.cropWidth()).isEqualTo(3000, org.assertj.core.data.Offset.offset(0.5));
        assertThat(plan.cropHeight()).isEqualTo(3000);
        assertThat(plan.cropX()).isEqualTo(500, org.assertj.core.data.Offset.offset(0.5));
        assertThat(plan.cropY()).isZero();
    }

    @Test
    void coverCropsAroundTheCentreOfATallPicture() {
        Plan plan = Geometry.plan(3000, 4000, Rendition.parse("r", "300x100,cover"));

        assertThat(plan.cropWidth()).isEqualTo(3000);
        assertThat(plan.cropHeight()).isEqualTo(1000, org.assertj.core.data.Offset.offset(0.5));
        assertThat(plan.cropY()).isEqualTo(1500, org.assertj.core.data.Offset.offset(0.5));
        assertThat(plan.cropX()).isZero();
    }

    @Test
    void coverWithoutUpscaleCropsTheOverflowOnlyAtSourceScale() {
        Plan plan = Geometry.plan(200, 100, Rendition.parse("r", "150x150,cover"));

        assertThat(plan.cropWidth()).isEqualTo(150);
        assertThat(plan.cropHeight()).isEqualTo(100);
        assertThat(plan.cropX()).isEqualTo(25);
    }

    @Test
    void transposeSwapsAxes() {
        Plan plan = new Plan(1, 2, 30, 40, 5, 6).transpose();

        assertThat(plan).isEqualTo(new Plan(2, 1, 40, 30, 6, 5));
    }
}
