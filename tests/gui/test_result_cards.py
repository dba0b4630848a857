"""The results list's cards: drawing many new card pictures is spread over several repaints."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QListView

from resnet_studio.gui.widgets import results


def make_list(qtbot, n: int = 12) -> tuple[QListView, results.ResultCardDelegate]:
    model = results.ResultsModel()
    items = []
    for i in range(n):
        thumb = QImage(64, 48, QImage.Format.Format_RGB888)
        thumb.fill(0x3D7BE0 + 1000 * i)
        items.append({"path": f"/photos/{i}.jpg", "thumb": thumb,
                      "predictions": [(f"label {i}", 0.9 - i / 100, i), ("other", 0.05, 99)]})
    model.add_results(items)
    view = QListView()
    view.setModel(model)
    delegate = results.ResultCardDelegate(view)
    view.setItemDelegate(delegate)
    view.resize(500, 600)
    qtbot.addWidget(view)
    view._keep = model  # the model lives as long as the view
    return view, delegate


def test_cards_past_the_paint_budget_are_finished_by_the_next_repaints(qtbot, monkeypatch):
    """With no time budget each repaint draws one new card picture; the others show a stand-in
    and the list keeps repainting itself until it looks exactly as when drawn in one go."""
    drawn_per_paint: list[int] = []

    monkeypatch.setattr(results, "RENDER_BUDGET_S", 1e9)  # the reference: every card in one go
    whole, _ = make_list(qtbot)
    whole.show()
    qtbot.waitExposed(whole)
    expected = whole.viewport().grab().toImage()

    monkeypatch.setattr(results, "RENDER_BUDGET_S", 0.0)
    view, delegate = make_list(qtbot)
    real_end = delegate._end_pass

    def end_pass():
        drawn_per_paint.append(delegate._drawn)
        real_end()

    monkeypatch.setattr(delegate, "_end_pass", end_pass)
    view.show()
    qtbot.waitExposed(view)
    rows = [view.model().index(row, 0) for row in range(view.model().rowCount())]
    visible = sum(view.visualRect(i).intersects(view.viewport().rect()) for i in rows)
    # the stand-ins schedule the next repaint themselves
    qtbot.waitUntil(lambda: sum(drawn_per_paint) >= visible and not delegate._deferred, timeout=5000)
    assert visible > 3 and sum(drawn_per_paint) == visible, "every visible card was drawn, once"
    assert max(drawn_per_paint) == 1 and len(drawn_per_paint) >= visible, drawn_per_paint
    assert view.viewport().grab().toImage().size() == expected.size()
    # cached pictures only from here: the finished list draws what one full repaint draws
    assert view.viewport().grab().toImage() == expected
