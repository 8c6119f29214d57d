"""How the shipped templates' ``{{ … }}`` outputs are finalized and escaped: one call each.

Jinja compiles every output of an HTML template to ``escape(environment.finalize(x))``
and of a Markdown template to ``str(environment.finalize(x))``: two or three calls, and
a new ``Markup`` string, for each of the ~3,600 outputs of a cluster's two reports,
though most are the same labels and numbers every time. ``OutputCodeGenerator``
(the ``code_generator_class`` of ``diamond.render.trusted.TrustedEnvironment``) writes
``environment.html_output(x)`` and ``environment.text_output(x)`` instead, which give
the same text: the finalize (``report_safe``) and the escaping, with the escaped form
of a short string remembered. Only where the environment's ``finalize`` takes no
context argument and the autoescaping is fixed when the template compiles (always so
for the shipped templates); anything else is compiled as Jinja does it.

Output pieces are only joined into text (a page, a macro's or a block's result), so a
plain ``str`` in place of a ``Markup`` with the same characters changes nothing.

A macro's result is made of outputs that went through the finalize and of the
template's own text, so finalizing it again when it is output changes nothing, but
``report_safe`` still scans all of it (a report's macros return ~100 K characters).
In a template whose own text the finalize leaves as it is, with no ``{% call %}`` or
``{% filter %}`` block (whose output Jinja does not finalize), macros are
``RecordingMacro``: the environment remembers the last result a macro returned, and
outputting that very object (``is``: the same characters) skips the scan.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.environment import TemplateModule
from jinja2.nodes import EvalContext
from jinja2.runtime import LoopContext, Macro
from markupsafe import Markup, escape

from diamond.memo import LONGEST, remember
from diamond.render.filters import report_safe

__all__ = ["OutputCodeGenerator", "OutputMixin", "RecordingMacro", "as_markup"]

#: Markup this long or longer (the charts, ~35 K characters a report) is not tested with
#: ``isprintable`` first: it holds newlines, and the finalize reads it once by its bytes.
_PRINTABLE_BELOW = 256
#: Entries remembered before the memo is emptied (memory stays bounded).
_MOST = 16384
#: The names ``getattr(a_dict, name)`` finds: a template's ``x.items`` is the method.
DICT_ATTRIBUTES = frozenset(dir(dict))
#: The generated code's name for the object of an attribute looked up in place (Jinja's
#: own names are ``l_…``, ``t_…`` and a few words, none with a leading underscore).
_LOOKED = "_looked"
#: The generated code's names for an output's value and its remembered escaped form.
_OUT, _FOUND = "_out", "_found"
#: The nodes whose code may read a loop's ``_loop_vars`` (calls and assignments).
_READ_LOOP_VARS = (nodes.Call, nodes.CallBlock, nodes.Assign, nodes.AssignBlock, nodes.Macro,
                   nodes.FilterBlock, nodes.With, nodes.Include, nodes.Import,
                   nodes.FromImport)
#: The generated code's name for a macro called directly from an output.
_MACRO = "_macro"
#: The loop variable's properties (``loop.index``…), read in place from a ``LoopContext``.
LOOP_ATTRIBUTES = frozenset(("index", "index0", "revindex", "revindex0", "first", "last",
                             "length", "depth", "depth0", "previtem", "nextitem"))


class OutputCodeGenerator(CodeGenerator):
    """Jinja's code generator with one call per output (see the module)."""

    #: False once the template has text the finalize would change, or a call or filter
    #: block: then its macros are Jinja's own.
    _final_macros = True

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        self._final_macros = node.find(nodes.CallBlock) is None and node.find(
            nodes.FilterBlock) is None
        super().visit_Template(node, frame)
        if self._final_macros:
            self.writeline("Macro = environment.recording_macro")

    def _output_const_repr(self, group: Iterable[Any]) -> str:
        text = super()._output_const_repr(group)
        if not all(report_safe(str(piece)) == str(piece) for piece in group):
            self._final_macros = False
        return text

    @optimizeconst
    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        """``x.name`` looked up in place when ``x`` is a plain dict holding ``name``,
        else through ``environment.getattr`` (see ``OutputMixin.inline_dict_lookups``)."""
        environment = self.environment
        if (not getattr(environment, "inline_dict_lookups", False) or environment.is_async
                or environment.sandboxed or node.attr in DICT_ATTRIBUTES):
            super().visit_Getattr(node, frame)
            return
        name = node.attr
        self.write(f"({_LOOKED}[{name!r}] if type({_LOOKED} := ")
        self.visit(node.node, frame)
        self.write(f") is dict and {name!r} in {_LOOKED} else ")
        if name in LOOP_ATTRIBUTES:  # a property of the loop variable: getattr finds it
            self.write(f"{_LOOKED}.{name} if type({_LOOKED}) is LoopContext else ")
        # an imported template's macro or variable: getattr finds what its __dict__ holds
        self.write(f"{_LOOKED}.__dict__[{name!r}] if type({_LOOKED}) is "
                   f"environment.module_class and {name!r} in {_LOOKED}.__dict__ else "
                   f"environment.getattr({_LOOKED}, {name!r}))")

    #: True from the start of a loop that needs no ``_loop_vars`` until Jinja would
    #: write that loop's ``_loop_vars = {}`` (``visit_For``).
    _no_loop_vars = False

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        """Jinja's loop; one with no call and no assignment anywhere in it (most of a
        report's) does without the ``_loop_vars = {}`` Jinja makes on every iteration,
        which only a call (``context.call(…, _loop_vars=…)``) or a ``set`` reads."""
        self._no_loop_vars = getattr(self.environment, "inline_outputs", False) and not any(
            node.find(kind) is not None for kind in _READ_LOOP_VARS)
        super().visit_For(node, frame)

    def write(self, x: str) -> None:
        """Jinja's ``write``; a loop over ``LoopContext(…)`` (one that uses ``loop``) is
        written over ``environment.loop_context(…)`` (see ``OutputMixin.loop_context``),
        and a loop's ``_loop_vars = {}`` left out where ``visit_For`` found it unread."""
        if x == "_loop_vars = {}" and self._no_loop_vars:
            self._no_loop_vars = False
            super().write("pass")  # a no-op in its place: the lines stay where they were
            return
        if (x.endswith(" in LoopContext(") and x.startswith(", ")
                and getattr(self.environment, "inline_outputs", False)):
            x = x[:-len("LoopContext(")] + "environment.loop_context("
        super().write(x)

    def _fused(self, frame: Frame, finalize: Any) -> bool:
        return not frame.eval_ctx.volatile and finalize.src == "environment.finalize("

    def _inline(self) -> bool:
        """Whether outputs test their common case in place (``inline_outputs``)."""
        environment = self.environment
        return (getattr(environment, "inline_outputs", False)
                and environment.finalize is report_safe)

    #: The output whose macro call ``visit_Call`` writes as a direct call (see there).
    _direct_output: nodes.Call | None = None

    def _direct_call(self, node: nodes.Expr, frame: Frame, finalize: Any) -> bool:
        """Whether output ``node`` is a call that may go straight to a macro's function:
        positional arguments only, its outputs tested in place (``_inline``)."""
        return (type(node) is nodes.Call and not node.kwargs and node.dyn_args is None
                and node.dyn_kwargs is None and self._fused(frame, finalize)
                and self._inline() and not self.environment.is_async
                and not self.environment.sandboxed)

    def visit_Call(self, node: nodes.Call, frame: Frame, forward_caller: bool = False
                   ) -> None:
        """A ``{{ m.name(a, b) }}`` output: the macro's function called directly when the
        callee is a ``RecordingMacro`` taking exactly those arguments by position
        (``RecordingMacro.arity``), else ``context.call`` and the output test as before.

        The direct result is the macro's joined text, a ``str``: what the output would
        give for the ``Markup`` (or ``str``) ``context.call`` returns, since a recorded
        macro's result is output as it is (``OutputMixin.html_output``/``text_output``:
        ``value is self.made``) and output pieces are only joined. The callee is read
        before the arguments, in both branches, as Jinja's call reads them.
        """
        if node is not self._direct_output:
            super().visit_Call(node, frame, forward_caller=forward_caller)
            return
        self._direct_output = None
        self.write(f"({_MACRO}._func(")
        for k, arg in enumerate(node.args):
            if k:
                self.write(", ")
            self.visit(arg, frame)
        self.write(f") if type({_MACRO} := ")
        self.visit(node.node, frame)
        self.write(f") is environment.recording_macro and {_MACRO}.arity == "
                   f"{len(node.args)} else ")
        autoescape = frame.eval_ctx.autoescape
        self.write(f"({_FOUND if autoescape else _OUT} if type({_OUT} := context.call("
                   f"{_MACRO}")
        extra = {}
        if frame.loop_frame:
            extra["_loop_vars"] = "_loop_vars"
        if frame.block_frame:
            extra["_block_vars"] = "_block_vars"
        self.signature(node, frame, extra or None)
        self.write(")")
        self._write_output_test(frame)
        self.write(")")

    def _write_output_test(self, frame: Frame) -> None:
        """The end of an output tested in place (after ``type(_out := value``)."""
        if frame.eval_ctx.autoescape:  # a string or int whose escaped form is remembered
            self.write(f") is str and ({_FOUND} := environment.html_memo.get({_OUT})) is not "
                       f"None else {_FOUND} if type({_OUT}) is int and ({_FOUND} := "
                       f"environment.html_memo.get({_OUT})) is not None else "
                       f"environment.html_output({_OUT}))")
        else:  # a printable string or an int, which report_safe returns as they are
            self.write(f") is str and {_OUT}.isprintable() else str({_OUT}) if type({_OUT}) "
                       f"is int else environment.text_output({_OUT}))")

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if self._direct_call(node, frame, finalize):
            self._direct_output = node  # type: ignore[assignment]
        elif not self._fused(frame, finalize):
            super()._output_child_pre(node, frame, finalize)
        elif self._inline():
            self.write(f"({_FOUND if frame.eval_ctx.autoescape else _OUT} "
                       f"if type({_OUT} := ")
        elif frame.eval_ctx.autoescape:
            self.write("environment.html_output(")
        else:
            self.write("environment.text_output(")

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if self._direct_call(node, frame, finalize):
            return  # visit_Call wrote all of it
        if not self._fused(frame, finalize):
            super()._output_child_post(node, frame, finalize)
        elif not self._inline():
            self.write(")")
        else:
            self._write_output_test(frame)


def as_markup(text: Any) -> Markup:
    """``Markup(text)``: for a plain ``str`` (a macro's joined output) without the
    ``__html__`` look-up ``Markup.__new__`` makes, the same string."""
    if type(text) is str:
        return _new_str(Markup, text)
    return Markup(text)


_new_str = str.__new__


class RecordingMacro(Macro):
    """A macro whose every result its environment remembers (``OutputMixin.made``).

    A call with exactly the macro's arguments, by position, goes straight to its
    function: what Jinja's ``Macro.__call__`` does for such a call (no defaults, no
    ``caller``, no ``kwargs`` or ``varargs`` to gather), without gathering them.
    """

    def __init__(self, environment: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(environment, *args, **kwargs)
        self._recorder = environment
        self._direct = not (self.caller or self.catch_kwargs or self.catch_varargs
                            or environment.is_async)
        #: How many positional arguments a call must give to go straight to the function
        #: (-1: none does); the generated code of an output tests it in place.
        self.arity = self._argument_count if self._direct else -1

    def __call__(self, *args: Any, **kwargs: Any) -> str:
        if (self._direct and not kwargs and len(args) == self._argument_count
                and not (args and isinstance(args[0], EvalContext))):
            made = self._func(*args)
            if self._default_autoescape:
                made = as_markup(made)
        else:
            made = super().__call__(*args, **kwargs)
        self._recorder.made = made
        return made


class OutputMixin:
    """``html_output`` and ``text_output`` for an environment with ``finalize`` set."""

    finalize: Any
    #: True when ``getattr(d, name)`` of a plain dict ``d`` holding ``name`` (not a dict
    #: method's name) is ``d[name]``: ``OutputCodeGenerator`` then writes that lookup in
    #: place, without a call (about 5,700 lookups a cluster's two reports).
    inline_dict_lookups = False
    #: With ``inline_dict_lookups`` too, and ``report_safe`` the finalize: each output
    #: tests its common case in place (a string whose escaped form ``html_memo`` holds, a
    #: printable string in Markdown) and calls ``html_output``/``text_output`` otherwise.
    inline_outputs = False
    #: Escaped outputs by their string or int (``html_output``).
    html_memo: dict[str | int, str]
    #: The type of an imported template (``{% import … as m %}``), whose names the
    #: generated code reads from its ``__dict__``.
    module_class = TemplateModule

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.html_memo = {}
    #: Macros of the templates compiled by ``OutputCodeGenerator``.
    recording_macro = RecordingMacro
    #: The last result a ``RecordingMacro`` of this environment returned.
    made: Any = None

    @staticmethod
    def loop_context(iterable: Any, undefined: Any, *rest: Any) -> Any:
        """``LoopContext(iterable, undefined, …)``, or nothing to loop over for an empty
        list (about half a report's loops that use ``loop``: a row's reasons, say), which
        runs no iteration and so never reads the loop variable either way."""
        if type(iterable) is list and not iterable:
            return ()
        return LoopContext(iterable, undefined, *rest)

    def html_output(self, value: Any) -> Any:
        """``escape(self.finalize(value))``, as text."""
        kind = type(value)
        if kind is Markup and (value is self.made or (
                len(value) < _PRINTABLE_BELOW and value.isprintable())):
            # a macro's own result (finalized and escaped piece by piece), or markup that
            # report_safe leaves as it is and escape() would return unchanged
            return value
        if kind is str:
            memo = self.html_memo
            found = memo.get(value)
            if found is None:
                found = str(escape(self.finalize(value)))
                if len(value) <= LONGEST:
                    remember(memo, value, found, _MOST)
            return found
        if kind is int:  # counts and whole numbers recur too (~160 a cluster's HTML)
            memo = self.html_memo
            found = memo.get(value)
            if found is None:
                found = remember(memo, value, str(escape(self.finalize(value))), _MOST)
            return found
        final = self.finalize(value)
        if type(final) is Markup:  # escape() would copy it unchanged
            return final
        return escape(final)

    def text_output(self, value: Any) -> str:
        """``str(self.finalize(value))``."""
        if type(value) is str and (value is self.made or value.isprintable()) and (
                self.finalize is report_safe):
            return value  # what report_safe returns for it
        if type(value) is int and self.finalize is report_safe:
            return str(value)  # report_safe returns a number as it is
        return str(self.finalize(value))
