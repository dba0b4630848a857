"""The Chinese names of the 1,000 ImageNet categories (resources/labels/imagenet_zh_CN.tsv) and the
lookup the window shows them through."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

TSV = Path(__file__).resolve().parents[1] / "resources" / "labels" / "imagenet_zh_CN.tsv"
CJK = re.compile(r"[\u3400-\u9fff]")
# English names that truly mean the same thing, so one Chinese name serves both on purpose:
# WordNet's n03642806 "laptop" and n03832673 "notebook, notebook computer".
SAME_THING = {"笔记本电脑": {"laptop", "notebook"}}


def _rows() -> list[list[str]]:
    return [line.split("\t") for line in TSV.read_text(encoding="utf-8").splitlines()]


def test_one_row_per_category_in_torchvisions_order():
    from torchvision.models._meta import _IMAGENET_CATEGORIES

    rows = _rows()
    assert len(rows) == 1000
    assert all(len(r) == 3 for r in rows), [r for r in rows if len(r) != 3][:3]
    assert [int(r[0]) for r in rows] == list(range(1000))
    assert [r[1] for r in rows] == list(_IMAGENET_CATEGORIES)


def test_every_chinese_name_is_chinese():
    bad = [(r[1], r[2]) for r in _rows() if not r[2].strip() or not CJK.search(r[2]) or r[2] != r[2].strip()]
    assert not bad, bad
    # no English word (or pinyin) left in a name; "T恤" and "福特T型车" are how Chinese writes them
    latin = [(r[1], r[2]) for r in _rows() if re.search(r"[A-Za-z]{2,}", r[2])]
    assert not latin, latin


def test_duplicates_only_where_the_english_names_mean_the_same():
    rows = _rows()
    counts = Counter(r[2] for r in rows)
    for name, n in counts.items():
        if n > 1:
            english = {r[1] for r in rows if r[2] == name}
            assert SAME_THING.get(name) == english, (name, english)


@pytest.mark.parametrize("english, chinese", [
    ("tench", "丁鲷"), ("goldfish", "金鱼"), ("great white shark", "大白鲨"), ("hen", "母鸡"),
    ("crane bird", "鹤"), ("crane", "起重机"), ("drake", "公鸭"), ("tiger cat", "虎斑猫"),
    ("sorrel", "栗色马"), ("nipple", "奶嘴"), ("stole", "披肩"), ("tank", "坦克"), ("monitor", "显示器"),
    ("Chihuahua", "吉娃娃"), ("golden retriever", "金毛寻回犬"),
])
def test_polysemous_and_well_known_names(english, chinese):
    assert {r[1]: r[2] for r in _rows()}[english] == chinese


def test_lookup_translates_imagenet_labels_only(qapp):
    from resnet_studio.gui.label_names import display_label, is_imagenet_model, label_with_english

    assert display_label("goldfish", "zh_CN") == "金鱼"
    assert display_label("goldfish", "en") == "goldfish"
    assert display_label("my cat Tom", "zh_CN") == "my cat Tom"  # not an ImageNet name: unchanged
    assert is_imagenet_model("resnet18") and not is_imagenet_model("/models/goldfish.safetensors")
    assert label_with_english("goldfish", "/models/pets.safetensors") == "goldfish"  # a user's own category
