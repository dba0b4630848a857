"""The engine's fixed sentences for untrusted input (issue 13) reach a Chinese user in Chinese."""

from __future__ import annotations

import re

import pytest


def _fixed_sentences() -> list[str]:
    """Every fixed user-facing sentence the issue-13 checks raise, read from the engine itself."""
    from resnet_studio.engine import backends, fileio, model_checks, train

    sentences = [
        value for name, value in vars(model_checks).items()
        if name.isupper() and isinstance(value, str) and value.endswith(".") and " " in value
    ]
    sentences += [backends.NOT_FINITE_MESSAGE, fileio._IN_USE, train.KEPT_BESIDE]
    return sentences


def test_every_fixed_sentence_is_listed_for_translation():
    from resnet_studio.gui.errors import ENGINE_MESSAGES

    missing = [s for s in _fixed_sentences() if s not in ENGINE_MESSAGES]
    assert not missing, missing


@pytest.mark.parametrize("path_text", ["doc.eps", "photo.heic"])
def test_picture_refusals_are_listed_for_translation(tmp_path, path_text):
    from resnet_studio.engine.errors import ImageReadError
    from resnet_studio.engine.images import open_image
    from resnet_studio.gui.errors import ENGINE_MESSAGES

    path = tmp_path / path_text
    path.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n" if path.suffix == ".eps"
                     else b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64)
    with pytest.raises(ImageReadError) as caught:
        open_image(path)
    assert str(caught.value) in ENGINE_MESSAGES


def test_every_listed_engine_sentence_has_a_chinese_translation(qtbot):
    from PySide6.QtCore import QCoreApplication

    from resnet_studio.gui.errors import ENGINE_MESSAGES
    from resnet_studio.gui.i18n import LanguageManager

    languages = LanguageManager()
    try:
        assert languages.apply("zh_CN")
        untranslated = [
            s for s in ENGINE_MESSAGES
            if not re.search(r"[\u4e00-\u9fff]", QCoreApplication.translate("EngineMessages", s))
        ]
    finally:
        languages.apply("en")
    assert not untranslated, untranslated
