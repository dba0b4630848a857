"""The command-line interface: the same engine as the app, for terminals, scripts and tests.

Each subcommand lives in its own module exposing ``register(subparsers)``; the parser sets
``func`` which returns the exit code: 0 everything worked, 1 some inputs could not be read (the
rest was done), 2 a usage, data or model error (one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .. import __version__

#: Subcommand modules, in the order ``--help`` lists them.
COMMAND_MODULES = ["classify", "models", "train", "evaluate", "dataset", "export", "explain"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resnet-studio",
        description="Classify images with ResNet models and teach them your own categories. "
        "Run with no command to open the app; --self-test checks that everything works.",
    )
    parser.add_argument("--version", action="version", version=f"ResNet Studio {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f".{name}_cmd", __name__)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.endswith(f"{name}_cmd"):
                continue  # command not built yet
            raise
        module.register(sub)
    return parser


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Parse, letting options and paths mix freely (``classify a.jpg --json b.jpg``).

    argparse's intermixed parsing does not work through sub-parsers, so the chosen subcommand's
    own parser does it; commands with sub-commands of their own (``dataset check``) parse normally.
    """
    sub_action = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    if argv and sub_action is not None and argv[0] in sub_action.choices:
        sub = sub_action.choices[argv[0]]
        try:
            ns = sub.parse_intermixed_args(argv[1:])
        except TypeError:
            return parser.parse_args(argv)
        ns.command = argv[0]
        return ns
    return parser.parse_args(argv)


def command_names() -> set[str]:
    return set(COMMAND_MODULES)


def main(argv: list[str] | None = None) -> int:
    from ..engine.errors import StudioError

    parser = build_parser()
    args = _parse(parser, sys.argv[1:] if argv is None else list(argv))
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except StudioError as exc:
        print(f"resnet-studio: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("resnet-studio: cancelled.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error worth a traceback.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
