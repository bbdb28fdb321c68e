"""Pillow on the seed's job: Image.open, thumbnail((SIZE, SIZE)), save as JPEG with Pillow's
defaults (quality 75). Times each image in-process after one warm-up call and prints
engine, file, ms per image, output size and bytes, tab-separated (the resizer's bench columns)."""
import sys
import time
from io import BytesIO

from PIL import Image


def render(data, size):
    image = Image.open(BytesIO(data))
    image.thumbnail((size, size))
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")  # JPEG cannot hold alpha, CMYK stays as the seed would fail
    out = BytesIO()
    image.save(out, "JPEG")
    return out.getvalue(), image.size


def main(argv):
    size, rounds = int(argv[1]), int(argv[2])
    for path in argv[3:]:
        with open(path, "rb") as f:
            data = f.read()
        render(data, size)
        start = time.perf_counter()
        for _ in range(rounds):
            out, (w, h) = render(data, size)
        ms = (time.perf_counter() - start) * 1000 / rounds
        print(f"pillow\t{path.rsplit('/', 1)[-1]}\t{ms:.1f} ms\t{w}x{h}\t{len(out)} B")


if __name__ == "__main__":
    main(sys.argv)
