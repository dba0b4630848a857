"""engine/summary.py: architecture summaries for the Models view."""

from __future__ import annotations

from resnet_studio.engine.summary import summarize, summarize_model


def test_zoo_summary_counts_every_parameter_once():
    s = summarize("resnet18")
    assert [st.name for st in s.stages] == ["stem", "layer1", "layer2", "layer3", "layer4", "fc"]
    assert s.total_params == 11_689_512 == sum(st.params for st in s.stages)
    assert [st.blocks for st in s.stages] == [0, 2, 2, 2, 2, 0]
    assert [st.output_channels for st in s.stages] == [64, 64, 128, 256, 512, 1000]
    assert s.input_size == 224 and s.resize_size == 256 and s.num_classes == 1000
    assert s.layer_tree.startswith("ResNet(") and "(fc): Linear(in_features=512, out_features=1000" in s.layer_tree


def test_bottleneck_stages():
    s = summarize("resnet50")
    assert [st.blocks for st in s.stages[1:5]] == [3, 4, 6, 3]
    assert s.stages[4].output_channels == 2048
    assert s.total_params == 25_557_032


def test_model_file_summary_uses_its_own_classes_input_and_stem(tmp_path):
    from resnet_studio.engine.images import Preprocess
    from resnet_studio.engine.modelfile import ModelInfo, save_model_file
    from resnet_studio.engine.zoo import build_model

    model = build_model("resnet18", num_classes=3, small_input=True)
    info = ModelInfo(arch="resnet18", classes=["a", "b", "c"], preprocess=Preprocess.for_image_size(64),
                     small_input=True)
    path = save_model_file(tmp_path / "m.safetensors", model.state_dict(), info)
    s = summarize(path)
    assert s.classes == ["a", "b", "c"] and s.input_size == 64 and s.small_input
    assert s.stages[0].params == 64 * 3 * 3 * 3 + 2 * 64  # 3x3 stem conv + batch norm
    assert s.stages[-1].params == 512 * 3 + 3
    assert s.layer_tree == str(model)
    assert s.to_dict()["num_classes"] == 3


def test_summarize_model_accepts_a_built_model():
    from resnet_studio.engine.zoo import build_model

    s = summarize_model(build_model("resnet34", num_classes=10), arch="resnet34", classes=[str(i) for i in range(10)])
    assert s.display_name == "ResNet-34" and s.stages[-1].output_channels == 10
