"""Notebook parameters given on the command line (`-p NAME=VALUE`), checked before a run: every
name must be a parameter of a notebook that runs, every value of that parameter's type."""

from __future__ import annotations

import argparse
import ast
import difflib

#: Parameters the runner sets itself (its own options say where).
RUNNER_OWNED = {
    "input_dir": "--input-dir",
    "output_dir": "--output-dir",
    "engine": "--engine",
    "workers": "--workers",
    "scheduler": "--scheduler",
}


def parse_parameter(text: str) -> tuple[str, str]:
    """'NAME=VALUE' -> (NAME, VALUE as written); `check_parameters` reads the value by the
    parameter's type."""
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"-p takes NAME=VALUE, got {text!r}")
    name, raw = text.split("=", 1)
    return name.strip(), raw


def check_parameters(given: dict[str, object], defaults: dict[str, object]) -> dict[str, object]:
    """`given` (name -> text) as typed values; ValueError naming the first unknown name (with
    the close matches) or badly typed value. A parameter's type is its default's: any text for a
    string, a whole number for an int, a number for a float, True/False for a bool, a Python
    literal when the default is None."""
    values = {}
    for name, raw in given.items():
        if name in RUNNER_OWNED:
            raise ValueError(
                f"-p {name}: {name} is a run option, not a notebook parameter; use {RUNNER_OWNED[name]}"
            )
        if name not in defaults:
            close = difflib.get_close_matches(name, sorted(defaults), n=3)
            hint = (
                f"; did you mean {' or '.join(close)}?"
                if close
                else f"; the notebooks' parameters are {', '.join(sorted(defaults))}"
            )
            raise ValueError(f"-p {name}: no notebook has a parameter {name!r}{hint}")
        values[name] = _typed(name, raw, defaults[name])
    return values


def _typed(name: str, value: object, default: object) -> object:
    """`value` (the text after `-p NAME=`, or a value given through the Python API) read as
    `default`'s type."""
    if isinstance(default, str):
        if not isinstance(value, str):
            raise ValueError(f"-p {name}={value!r}: {name} takes text (default {default!r})")
        return value
    expected = {bool: (bool,), int: (int,), float: (int, float)}.get(type(default))
    kind = {bool: "True or False", int: "a whole number", float: "a number"}.get(
        type(default), "a Python literal"
    )
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            raise ValueError(f"-p {name}={value}: {name} takes {kind} (default {default!r})") from None
    if expected is None:  # None, list, dict defaults: any literal of the same kind
        if isinstance(default, list | dict) and not isinstance(value, type(default)):
            raise ValueError(f"-p {name}={value!r}: {name} takes a {type(default).__name__} literal")
        return value
    if not isinstance(value, expected) or (bool not in expected and isinstance(value, bool)):
        raise ValueError(f"-p {name}={value!r}: {name} takes {kind} (default {default!r})")
    return float(value) if isinstance(default, float) else value
