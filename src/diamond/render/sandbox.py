"""Jinja's immutable sandbox, with a time limit and a size limit on what a template builds.

A template from ``--templates`` is someone else's code. Jinja's sandbox already
keeps it from reaching Python objects; this adds the bounds that keep it from
hanging or exhausting memory, checked inside the sandbox (a process-wide
``setrlimit`` would outlive the render):

- a deadline per rendered file (``DIAMOND_TEMPLATE_SECONDS``, default 5),
  checked on every call, operator, attribute lookup and ``range`` step, and
  between pieces of output;
- ``*`` on text or lists, ``%`` formatting, ``**`` and the padding filters and
  methods may not build a value over ``MAX_ITEMS`` characters or items;
- the rendered file may not exceed ``MAX_OUTPUT`` characters.

A breach raises ``SecurityError`` (a Jinja template error), which the caller
reports as a template error with the file and line.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from diamond.i18n import _
from diamond.numbertext import grouped

MAX_ITEMS = 10_000_000
MAX_OUTPUT = 100_000_000
MAX_POWER = 10_000
DEFAULT_SECONDS = 5.0
SECONDS_VAR = "DIAMOND_TEMPLATE_SECONDS"
_RANGE_MAX = 100_000
_WIDTH = re.compile(r"(\d+)")
_PADDING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
_SIZED_FILTERS = ("center", "indent", "wordwrap", "truncate", "format", "batch", "slice")


def time_limit(environ: Mapping[str, str] | None = None) -> float:
    """Seconds a template may take to render: ``DIAMOND_TEMPLATE_SECONDS`` or the default."""
    raw = (os.environ if environ is None else environ).get(SECONDS_VAR, "")
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_SECONDS
    return value if 0 < value < 1e6 else DEFAULT_SECONDS


def _too_big(what: str) -> SecurityError:
    return SecurityError(
        _("{what} would be larger than {limit} characters or items; "
          "a report template needs far less — check the template for a runaway repeat")
        .format(what=what, limit=grouped(MAX_ITEMS))
    )


def _check_size(value: Any) -> None:
    """Refuse a number that would make a padding or repeat too large."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ITEMS:
        raise _too_big(_("a value sized {size}").format(size=grouped(value)))


def _check_format(text: Any) -> None:
    if isinstance(text, str):
        for width in _WIDTH.findall(text):
            if len(width) > 8 or int(width) > MAX_ITEMS:
                raise _too_big(_("text formatted with width {width}").format(width=width[:20]))


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with a render deadline and size limits (see the module)."""

    intercepted_binops = frozenset({"*", "%", "**"})

    def __init__(self, *, deadline_scale: float = 1.0, **options: Any) -> None:
        super().__init__(**options)
        self.deadline = float("inf")
        #: How many deadlines one file may take: a page listing many clusters gets more.
        self.deadline_scale = max(1.0, deadline_scale)
        self.seconds = time_limit() * self.deadline_scale
        self.globals["range"] = self.timed_range
        for name in _SIZED_FILTERS:
            original = self.filters.get(name)
            if original is not None:
                self.filters[name] = _sized(original, name)

    def start_clock(self) -> None:
        """Start the deadline for one rendered file."""
        self.seconds = time_limit() * self.deadline_scale
        self.deadline = time.monotonic() + self.seconds

    def check_clock(self) -> None:
        """Stop the render once its time is up."""
        if time.monotonic() > self.deadline:
            raise SecurityError(
                _("rendering took longer than {seconds} seconds and was stopped; check "
                  "the template for loops that run too long (or raise {variable})")
                .format(seconds=f"{self.seconds:g}", variable=SECONDS_VAR)
            )

    def timed_range(self, *args: int) -> _TimedRange:
        """``range`` as the sandbox allows it, checking the deadline as it is walked."""
        values = range(*args)
        if len(values) > _RANGE_MAX:
            raise SecurityError(_("a range of {count} items is over {limit}").format(
                count=grouped(len(values)), limit=grouped(_RANGE_MAX)))
        return _TimedRange(values, self)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """``left operator right``, refusing results that would be too large."""
        self.check_clock()
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                sized = isinstance(seq, (str, list, tuple)) and isinstance(count, int)
                if sized and len(seq) * max(count, 0) > MAX_ITEMS:
                    raise _too_big(_("a repeated text or list"))
        elif operator == "%":
            _check_format(left)
        elif (
            operator == "**"
            and isinstance(right, (int, float))
            and abs(right) > MAX_POWER
            and left not in (0, 1)
        ):
            raise SecurityError(_("the power {power} is over {limit}").format(
                power=repr(right), limit=grouped(MAX_POWER)))
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call from the template, checking the deadline and padding sizes first."""
        __self.check_clock()
        if getattr(__obj, "__name__", None) in _PADDING_METHODS and isinstance(
            getattr(__obj, "__self__", None), str
        ):
            for value in (*args, *kwargs.values()):
                _check_size(value)
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Attribute lookup, checking the deadline."""
        self.check_clock()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """Item lookup, checking the deadline."""
        self.check_clock()
        return super().getitem(obj, argument)


class _TimedRange:
    """A range whose iteration checks the render deadline."""

    def __init__(self, values: range, env: BoundedSandbox) -> None:
        self.values = values
        self.env = env

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, index: Any) -> Any:
        return self.values[index]

    def __contains__(self, item: object) -> bool:
        return item in self.values

    def __iter__(self) -> Iterator[int]:
        check = self.env.check_clock
        for n, value in enumerate(self.values):
            if n & 255 == 0:
                check()
            yield value

    def __reversed__(self) -> Iterator[int]:
        return iter(_TimedRange(self.values[::-1], self.env))


def _sized(original: Callable[..., Any], name: str) -> Callable[..., Any]:
    def checked(*args: Any, **kwargs: Any) -> Any:
        values = (*args[1:], *kwargs.values())
        for value in values:
            _check_size(value)
        if name == "format" and args:
            _check_format(args[0])
        return original(*args, **kwargs)

    for attribute in ("jinja_pass_arg",):
        if hasattr(original, attribute):
            setattr(checked, attribute, getattr(original, attribute))
    checked.__name__ = original.__name__
    checked.__doc__ = original.__doc__
    return checked


def bounded(env: BoundedSandbox, pieces: Iterator[str]) -> Iterator[str]:
    """A template's output pieces as they come, within the deadline and ``MAX_OUTPUT``."""
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > MAX_OUTPUT:
            raise SecurityError(
                _("the rendered file would be larger than {limit} characters; "
                  "check the template for a runaway loop").format(limit=grouped(MAX_OUTPUT))
            )
        env.check_clock()
        yield piece


def render_bounded(env: BoundedSandbox, pieces: Iterator[str]) -> str:
    """Join a template's output pieces, within the deadline and ``MAX_OUTPUT``."""
    return "".join(bounded(env, pieces))
