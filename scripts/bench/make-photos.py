"""Writes N distinct 12 MP (4000x3000) JPEG photos for the backfill benchmark.

Usage: make-photos.py N OUT_DIR [BASE.jpg ...]

Each photo is a different 4000x3000 window of a base picture scaled up by 5%, every other one
mirrored, saved at a quality between 84 and 93, so no two files are byte-identical and the
decoder sees real photo statistics. Without bases (the corpus is optional) a base is
synthesised from noise, gradients and shapes. Needs Pillow.
"""
import os
import sys

from PIL import Image, ImageDraw, ImageFilter, ImageOps

WIDTH, HEIGHT = 4000, 3000


def synthetic_base(seed):
    noise = Image.effect_noise((WIDTH // 4, HEIGHT // 4), 60 + seed * 10).convert("RGB")
    base = Image.linear_gradient("L").resize(noise.size).convert("RGB")
    base = Image.merge("RGB", (base.getchannel(0), noise.getchannel(0), ImageOps.invert(base.getchannel(0))))
    draw = ImageDraw.Draw(base)
    for i in range(40):
        x, y = (i * 97 + seed * 31) % base.width, (i * 61 + seed * 17) % base.height
        draw.ellipse((x, y, x + 60 + i * 3, y + 40 + i * 2), fill=((i * 53) % 256, (i * 29) % 256, (i * 71) % 256))
    return base.filter(ImageFilter.GaussianBlur(2)).resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    sources = [Image.open(p).convert("RGB") for p in sys.argv[3:]] or [synthetic_base(s) for s in range(3)]
    bases = [img.resize((int(WIDTH * 1.05), int(HEIGHT * 1.05)), Image.Resampling.BICUBIC) for img in sources]
    for i in range(count):
        base = bases[i % len(bases)]
        dx, dy = base.width - WIDTH, base.height - HEIGHT
        x, y = (i * 37) % (dx + 1), (i * 23) % (dy + 1)
        photo = base.crop((x, y, x + WIDTH, y + HEIGHT))
        if (i // len(bases)) % 2:
            photo = ImageOps.mirror(photo)
        photo.save(os.path.join(out, "photo-%04d.jpg" % i), "JPEG", quality=84 + i % 10)


if __name__ == "__main__":
    main()
