"""Read the text in a picture, offline, with the optional OCR extra.

``pip install 'wallet-checkup[ocr]'`` adds ``rapidocr-onnxruntime``: PP-OCRv4
text detection and recognition (Chinese and English) whose models are
inside the package, run by ONNX Runtime on the CPU.  Nothing is ever
downloaded; :func:`ocr_available` says whether the extra is installed, and
nothing here imports it before a picture is read.

Most pictures are camera photos with no text, so each picture costs as
little as it can (measured by `python -m bench`, rows 11a–11c):

1. The header tells the format and size: anything but PNG, JPEG, WebP and
   HEIC (with ``pillow-heif``), anything smaller than a phone's screenshot
   of a few words, and anything over :data:`MAX_PIXELS` is passed over.
2. A JPEG is decoded at 1/4 or 1/8 of its size (the decoder skips the
   detail), and text *detection* runs on the picture shrunk to
   :data:`GLANCE_SIDE` pixels: a photo without text is done in ~0.1 s.
3. Where that finds text, detection runs again at :data:`READ_SIDE` and
   every line found is *recognised* (~0.5–2 s for a phone screenshot).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from checks.scan.picture_text import TextBox

#: File name endings looked at (HEIC only where ``pillow-heif`` is installed).
PICTURE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".heic", ".heif"})
_FORMATS = frozenset({"PNG", "JPEG", "MPO", "WEBP", "HEIF"})
#: Smaller files are icons, stickers and thumbnails (a screenshot of a phrase is larger).
MIN_BYTES = 8 * 1024
MIN_SIDE = 200
MAX_PIXELS = 60_000_000
GLANCE_SIDE = 640
READ_SIDE = 1280
#: Text found at a glance, in characters (width / height of each line, added up),
#: below which no phrase can be there: 12 Chinese characters, or 4 short words.
MIN_GLANCE_TEXT = 10.0
#: Lines read with less confidence than this are left out.
MIN_SCORE = 0.5

Outcome = Literal["read", "no_text", "not_a_picture"]


@dataclass(frozen=True)
class PictureText:
    outcome: Outcome
    boxes: tuple[TextBox, ...] = ()


def ocr_available() -> bool:
    """True when the OCR extra is installed (checked without importing it)."""
    return all(
        importlib.util.find_spec(name) is not None for name in ("rapidocr_onnxruntime", "PIL")
    )


def heic_available() -> bool:
    return importlib.util.find_spec("pillow_heif") is not None


class Reader:
    """One OCR engine, loaded once per process (~0.3 s); not thread-safe."""

    def __init__(self) -> None:
        # The OCR extra: heavy, perhaps not installed, so loaded with the first picture.
        import cv2
        from PIL import Image
        from rapidocr_onnxruntime import RapidOCR

        cv2.setNumThreads(1)  # one core per worker process
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # larger ones are refused before decoding
        if heic_available():
            import pillow_heif  # the OCR extra, with the first picture

            pillow_heif.register_heif_opener()
        engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
        # Pictures arrive already shrunk: "max" keeps their size instead of enlarging
        # the short side to 736 pixels.
        engine.text_det.limit_type = "max"
        # Each line is recognised on its own at its own width (short words padded to 160
        # pixels, not 320): batches pad every line to the widest; this is a third less work.
        engine.text_rec.rec_image_shape = [3, 48, 160]
        engine.text_rec.rec_batch_num = 1
        self._engine: Any = engine

    def read(self, path: Path) -> PictureText:
        """The text in the picture at ``path``; OSError when it cannot be read."""
        glance = _open(path, GLANCE_SIDE)
        if glance is None:
            return PictureText("not_a_picture")
        if _characters(self._detect(glance)) < MIN_GLANCE_TEXT:
            return PictureText("no_text")
        picture = _open(path, READ_SIDE)
        if picture is None:  # pragma: no cover - it opened a moment ago
            return PictureText("not_a_picture")
        return PictureText("read", tuple(self._recognise(picture)))

    def _detect(self, picture: Any) -> Any:
        import numpy as np  # the OCR extra, with the first picture

        boxes, _ = self._engine.text_det(picture)
        if boxes is None or len(boxes) == 0:
            return np.zeros((0, 4, 2), np.float32)
        return np.asarray(boxes, dtype=np.float32)

    def _recognise(self, picture: Any) -> list[TextBox]:
        boxes = self._detect(picture)
        if len(boxes) == 0:
            return []
        crops = self._engine.get_crop_img_list(picture, boxes)
        lines, _ = self._engine.text_rec(crops)
        found: list[TextBox] = []
        for box, (text, score) in zip(boxes, lines, strict=True):
            if score >= MIN_SCORE and text.strip():
                (x0, y0), (x1, y1) = box.min(axis=0), box.max(axis=0)
                found.append(TextBox(float(x0), float(y0), float(x1), float(y1), str(text)))
        return found


def _open(path: Path, side: int) -> Any:
    """The picture as a BGR array (what the engine takes), its longest side at most
    ``side``, turned upright; None when it is not a picture we look at."""
    # The OCR extra, with the first picture.
    import numpy as np
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            width, height = image.size
            if (
                image.format not in _FORMATS
                or min(width, height) < MIN_SIDE
                or width * height > MAX_PIXELS
            ):
                return None
            if image.format in ("JPEG", "MPO"):
                image.draft("RGB", (side, side))  # decode at 1/2, 1/4 or 1/8 size
            upright = ImageOps.exif_transpose(image)
            rgb = upright.convert("RGB")
    except (Image.DecompressionBombError, UnidentifiedImageError, SyntaxError, ValueError):
        return None
    rgb.thumbnail((side, side), Image.Resampling.BILINEAR)
    return np.ascontiguousarray(np.asarray(rgb)[:, :, ::-1])


def _characters(boxes: Sequence[Any]) -> float:
    """About how many characters the lines hold: each line's width / height, added up."""
    import numpy as np  # the OCR extra, with the first picture

    if len(boxes) == 0:
        return 0.0
    array = np.asarray(boxes)
    widths = np.linalg.norm(array[:, 0] - array[:, 1], axis=1)
    heights = np.linalg.norm(array[:, 0] - array[:, 3], axis=1)
    return float(np.sum(widths / np.maximum(heights, 1.0)))
