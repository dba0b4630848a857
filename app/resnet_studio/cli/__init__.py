"""The command-line interface: the same engine as the app, for terminals, scripts and tests.

Each subcommand lives in its own module exposing ``register(subparsers)``; the parser sets
``func`` which returns the exit code: 0 everything worked, 1 some inputs could not be read (the
rest was done), 2 a usage, data or model error (one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import sys

from .. import __version__

#: Subcommand modules, in the order ``--help`` lists them.
COMMAND_MODULES = ["classify", "models", "train", "evaluate", "dataset", "sort", "suggest", "export", "explain"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resnet-studio",
        description="Classify images with ResNet models and teach them your own categories. "
        "Run with no command to open the app; --self-test checks that everything works.",
        epilog="With no command, or only files and folders (resnet-studio photo.jpg holidays/), "
        "the app opens and classifies them. 'resnet-studio COMMAND --help' explains a command.",
    )
    parser.add_argument("--version", action="version", version=f"ResNet Studio {__version__}")
    # Run by __main__ before this parser; listed here so --help names everything the program does.
    parser.add_argument("--self-test", action="store_true",
                        help="check that this computer can classify and train (the same checks as "
                        "Help > Diagnostics in the app); see --self-test --help")
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


#: What the program itself takes besides commands (``__main__`` routes these).
OWN_OPTIONS = ("--help", "--version", "--self-test")
#: Qt's own command-line options (QGuiApplication/QApplication, one or two dashes): passed on to the
#: window untouched, so e.g. ``resnet-studio -platform offscreen`` or ``--style fusion`` still work.
QT_OPTIONS = frozenset({
    "platform", "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry", "qwindowicon",
    "qwindowtitle", "reverse", "session", "style", "stylesheet", "widgetcount", "display", "geometry",
    "name", "title", "visual", "ncols", "cmap", "nograb", "dograb", "sync", "qmljsdebugger",
})


def first_word_problem(word: str) -> str | None:
    """Why ``word`` (the first argument, not a command) cannot start the app, or None when it can.

    Without this, a mistyped command (``clasify``) was taken for a file to open and started the
    window, which on a machine without a screen ended in Qt's abort. A file or folder that exists
    opens in the app; so does one of Qt's own options.
    """
    commands = list(COMMAND_MODULES)
    if word.startswith("-"):
        name = word.lstrip("-").split("=", 1)[0]
        if name in QT_OPTIONS or word in ("-h", *OWN_OPTIONS):
            return None
        close = difflib.get_close_matches(word.lower(), OWN_OPTIONS, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else f"; the options are: {', '.join(OWN_OPTIONS)}"
        return f"resnet-studio: error: unknown option '{word}'{hint}"
    if os.path.exists(word):
        return None
    close = difflib.get_close_matches(word.lower(), commands, n=1, cutoff=0.6)
    if close:
        return f"resnet-studio: error: unknown command '{word}' (did you mean '{close[0]}'?)"
    listed = ", ".join(commands)
    if os.sep in word or "/" in word or os.path.splitext(word)[1]:
        return (f"resnet-studio: error: no file or folder named '{word}' here, and it is not a command "
                f"({listed}); see resnet-studio --help")
    return (f"resnet-studio: error: unknown command '{word}'; the commands are: {listed} "
            f"(and --self-test); see resnet-studio --help")


def main(argv: list[str] | None = None) -> int:
    from ..engine.errors import StudioError

    parser = build_parser()
    args = _parse(parser, sys.argv[1:] if argv is None else list(argv))
    if getattr(args, "self_test", False) and not getattr(args, "func", None):
        from ..selftest import main as selftest_main

        return selftest_main([])
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
