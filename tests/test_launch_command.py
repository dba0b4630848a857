"""The torchrun command and launch scripts: parsed back by the real CLI they give the same settings;
paths with spaces, quotes and non-ASCII characters survive the target shell."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import fields

import pytest

from resnet_studio.cli import _parse, build_parser
from resnet_studio.cli.train_cmd import _config
from resnet_studio.engine.errors import ModelError
from resnet_studio.engine.launch_command import (
    format_command, launch_script, torchrun_command, train_args, unsupported_settings, write_launch_script,
)
from resnet_studio.engine.train import TrainConfig

CLI_FIELDS = ["arch", "mode", "pretrained", "epochs", "batch_size", "lr", "image_size", "val_fraction", "seed",
              "device", "schedule", "augment", "hflip", "name", "allow_download"]

CONFIGS = [
    TrainConfig(),
    TrainConfig(arch="resnet50", mode="finetune", epochs=12, batch_size=48, lr=0.0032, image_size=160,
                val_fraction=0.25, seed=7, device="cuda", schedule="step", name="Leaf diseases 叶片"),
    TrainConfig(mode="full", pretrained=False, augment=False, hflip=False, lr=1.2345678e-05,
                allow_download=True, device="cpu", image_size=64),
]
PATHS = ["/data/shapes", "/srv/my data/it's here", "/数据/图片 集", "-odd", "C:\\Users\\Ann\\My Photos"]


def parse_back(cmd: list[str]):
    """The settings the real CLI reads from the command (what follows ``-m resnet_studio``)."""
    i = cmd.index("-m")
    assert cmd[i + 1] == "resnet_studio"
    ns = _parse(build_parser(), cmd[i + 2:])
    assert ns.command == "train"
    return ns, _config(ns)


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("data", PATHS)
def test_cli_parses_the_command_back_to_the_same_settings(config, data):
    cmd = torchrun_command(data, "out dir/模型.safetensors", config, nproc_per_node=4)
    assert cmd[:2] == ["torchrun", "--nproc_per_node=4"]
    ns, back = parse_back(cmd)
    assert os.path.normpath(ns.data_dir) == os.path.normpath(data)
    assert ns.out == "out dir/模型.safetensors"
    for name in CLI_FIELDS:
        assert getattr(back, name) == getattr(config, name), name


def test_only_changed_settings_are_written():
    assert train_args(TrainConfig()) == []
    assert train_args({"epochs": 5, "lr": None, "image_size": 224, "mode": "auto"}) == ["--epochs", "5"]
    assert train_args(TrainConfig(lr=0.01), lr_auto=True) == ["--lr", "auto"]
    ns, _ = parse_back(torchrun_command("d", "m.safetensors", TrainConfig(), lr_auto=True))
    assert ns.lr == "auto"
    assert unsupported_settings(TrainConfig(label_smoothing=0.1, workers=3)) == ["label_smoothing"]
    assert unsupported_settings({"arch": "resnet34", "epochs": 3}) == []


def test_multi_host_form():
    cmd = torchrun_command("d", "m.safetensors", None, nnodes=3, rdzv_endpoint="node-1")
    assert cmd[:6] == ["torchrun", "--nproc_per_node=gpu", "--nnodes=3", "--rdzv-backend=c10d",
                       "--rdzv-endpoint=node-1:29400", "--rdzv-id=resnet-studio"]
    assert "--rdzv-endpoint=10.0.0.5:1234" in torchrun_command("d", "m", None, nnodes=2, rdzv_endpoint="10.0.0.5:1234")
    with pytest.raises(ModelError, match="address of the first machine"):
        torchrun_command("d", "m", None, nnodes=2)
    with pytest.raises(ModelError, match="port"):
        torchrun_command("d", "m", None, nnodes=2, rdzv_endpoint="host:99999")
    with pytest.raises(ModelError, match="at least 1"):
        torchrun_command("d", "m", None, nproc_per_node=0)


def test_torchruns_own_parser_accepts_the_launcher_flags():
    from torch.distributed.run import get_args_parser

    cmd = torchrun_command("/a b/数据", "m.safetensors", TrainConfig(epochs=2), nproc_per_node=2, nnodes=2,
                           rdzv_endpoint="head:29400")
    args = get_args_parser().parse_args(cmd[1:])
    assert args.nproc_per_node == "2" and args.nnodes == "2"
    assert args.rdzv_backend == "c10d" and args.rdzv_endpoint == "head:29400"
    assert args.module and args.training_script == "resnet_studio"
    assert args.training_script_args == cmd[cmd.index("resnet_studio") + 1:]


@pytest.mark.parametrize("data", PATHS)
def test_bash_quoting_round_trips(data):
    import shlex

    cmd = torchrun_command(data, "it's/模型 1.safetensors", CONFIGS[1])
    assert shlex.split(format_command(cmd, "bash")) == cmd


def ps_split(line: str) -> list[str]:
    """PowerShell's reading of plain and single-quoted words (all we write)."""
    words, i = [], 0
    while i < len(line):
        if line[i] == " ":
            i += 1
            continue
        if line[i] == "'":
            j, buf = i + 1, []
            while True:
                if line[j] == "'" and line[j + 1:j + 2] == "'":
                    buf.append("'")
                    j += 2
                elif line[j] == "'":
                    break
                else:
                    buf.append(line[j])
                    j += 1
            words.append("".join(buf))
            i = j + 1
        else:
            j = line.find(" ", i)
            j = len(line) if j < 0 else j
            words.append(line[i:j])
            i = j
    return words


@pytest.mark.parametrize("data", PATHS)
def test_powershell_quoting_round_trips(data):
    cmd = torchrun_command(data, "it's/模型 $HOME.safetensors", CONFIGS[1])
    line = format_command(cmd, "powershell")
    assert ps_split(line) == cmd
    assert "'it''s/模型 $HOME.safetensors'" in line  # $ stays literal inside single quotes


@pytest.mark.skipif(shutil.which("bash") is None or sys.platform == "win32", reason="needs bash")
def test_saved_bash_script_runs_torchrun_with_exactly_these_arguments(tmp_path):
    # a stand-in torchrun on PATH writes the arguments it received
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    record = tmp_path / "args.json"
    fake = fake_bin / "torchrun"
    fake.write_text(f"#!{sys.executable}\nimport json, sys\njson.dump(sys.argv[1:], open({str(record)!r}, 'w'))\n")
    fake.chmod(0o755)
    data = "/srv/my data/数据 'x'"
    text = launch_script(data, "/out/模型.safetensors", CONFIGS[1], nnodes=2, rdzv_endpoint="head", shell="bash")
    assert text.startswith("#!/usr/bin/env bash") and "Models > Import" in text
    script = write_launch_script(tmp_path / "launch.sh", text, "bash")
    assert os.access(script, os.X_OK)
    env = {**os.environ, "PATH": f"{fake_bin}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run([str(script)], check=True, env=env, timeout=60)
    expected = torchrun_command(data, "/out/模型.safetensors", CONFIGS[1], nnodes=2, rdzv_endpoint="head")
    assert json.loads(record.read_text(encoding="utf-8")) == expected[1:]


def test_powershell_script_is_utf8_with_bom_and_continues_lines(tmp_path):
    text = launch_script("D:\\数据\\shapes", "model.safetensors", TrainConfig(epochs=3), shell="powershell")
    assert "$ErrorActionPreference = 'Stop'" in text and text.rstrip().endswith("exit $LASTEXITCODE")
    body = [line for line in text.split("\r\n") if line and not line.startswith(("#", "$", "exit"))]
    assert all(line.endswith(" `") for line in body[:-1]) and not body[-1].endswith("`")
    joined = " ".join(line.rstrip("`").strip() for line in body)
    assert ps_split(joined) == torchrun_command("D:\\数据\\shapes", "model.safetensors", TrainConfig(epochs=3))
    path = write_launch_script(tmp_path / "launch.ps1", text, "powershell")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "数据".encode() in raw


def test_every_cli_setting_is_covered():
    # a TrainConfig field with a CLI flag must be carried by the command (catches new flags)
    from resnet_studio.engine.launch_command import _FLAGS, _LOCAL_ONLY

    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction").choices["train"]
    dests = {a.dest for a in sub._actions} - {"help", "data_dir", "out", "json", "func"}
    config_fields = {f.name for f in fields(TrainConfig)}
    carried = {name for name, _, _ in _FLAGS}
    assert (dests & config_fields) - carried == set(), "a train flag the launch command does not write"
    assert carried <= config_fields and not (_LOCAL_ONLY & carried)
