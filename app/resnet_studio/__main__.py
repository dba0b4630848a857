"""Entry point: no arguments (or only image paths) → the desktop app; a subcommand → the CLI."""

from __future__ import annotations

import multiprocessing
import os
import sys

# OpenMP threads that spin while waiting steal the CPU from the GUI thread and from each other on
# small laptops (training steps were 5-10x slower on a busy 2-core machine); must be set before
# torch loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    from .cli import command_names

    if args and (args[0] in command_names() or args[0] in ("-h", "--help", "--version")):
        from .cli import main as cli_main

        return cli_main(args)
    if args and args[0] == "--self-test":
        from .selftest import main as selftest_main

        return selftest_main(args[1:])
    if args:
        from .cli import first_word_problem

        problem = first_word_problem(args[0])
        if problem:
            print(problem, file=sys.stderr)
            return 2
    from .gui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
